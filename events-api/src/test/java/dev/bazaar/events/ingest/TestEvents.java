package dev.bazaar.events.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.events.EventKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The earlier systems' sample events and the schemas setup registers, as the unit tests use them. */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** The sample payload of {@code kind} (the earlier system's, shipped with the CLI). */
    public static ObjectNode sample(EventKind kind) {
        return (ObjectNode) read("/dev/bazaar/events/cli/" + kind.id() + ".json");
    }

    /** {@code kind}'s schema from setup/schemas/events/, as if the registry gave it {@code id}. */
    public static KindSchema schema(EventKind kind, int id) {
        return new KindSchema(kind, kind.subject("product-events-raw"), id, read("/schemas/events/" + kind.id() + ".json"));
    }

    /** {@code json} as compact UTF-8 bytes. */
    public static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = TestEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
