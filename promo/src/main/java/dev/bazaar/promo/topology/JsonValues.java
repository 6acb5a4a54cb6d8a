package dev.bazaar.promo.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * JSON values of promo's inputs: plain JSON (the CDC topic, a plain producer) or the registry wire
 * format (magic byte 0, a 4-byte schema id, then the JSON: shop-api and the registry serializer),
 * told apart per record by the first byte, as any Confluent-compatible consumer does.
 */
final class JsonValues {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final byte MAGIC = 0;
    private static final int HEADER = 5;

    private JsonValues() {
    }

    /**
     * The JSON object in {@code value}.
     *
     * @throws InvalidRecordException when there is none: no value, a cut frame, not JSON, not an object
     */
    static JsonNode object(byte[] value, String what) {
        if (value == null || value.length == 0) {
            throw new InvalidRecordException("the " + what + " has no value");
        }
        byte[] json = value;
        if (value[0] == MAGIC) {
            if (value.length <= HEADER) {
                throw new InvalidRecordException("the " + what + " is framed in the registry wire format but has no "
                        + "JSON after its 5-byte header");
            }
            json = Arrays.copyOfRange(value, HEADER, value.length);
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("the " + what + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRecordException("the " + what + " cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException("the " + what + " is not a JSON object");
        }
        return node;
    }
}
