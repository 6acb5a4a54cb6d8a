package dev.bazaar.connectors.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A document's source as the bytes of one JSON object on a single line, ready to go into a bulk
 * request as it is: most records already arrive as JSON text, and handing that text on spares a
 * parse into a tree and a serialisation back per record. Only {@link JsonDocuments} makes one, after
 * checking the bytes are one well-formed object.
 */
final class JsonSource {

    private final byte[] json;

    private JsonSource(byte[] json) {
        this.json = json;
    }

    /** Wraps bytes already checked to be one JSON object with no line break; they must not change afterwards. */
    static JsonSource checked(byte[] json) {
        return new JsonSource(json);
    }

    byte[] bytes() {
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonSource source && Arrays.equals(json, source.json);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return new String(json, StandardCharsets.UTF_8);
    }
}
