package dev.bazaar.client.recommend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Values as they lie on the topic: the registry wire format around JSON, built from the shipped examples. */
final class Framing {

    private Framing() {
    }

    /** {@code json} framed as the registry's serializers frame it: magic byte 0, schema id 7, the JSON. */
    static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(7).put(body).array();
    }

    /** The valid example of setup/schemas/examples/recommendations.valid.json (customer Alice). */
    static String example() {
        try (InputStream in = Framing.class.getResourceAsStream(
                "/bazaar/setup/schemas/examples/recommendations.valid.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
