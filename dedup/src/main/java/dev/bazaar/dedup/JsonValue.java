package dev.bazaar.dedup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads a record value as a JSON object, in either form the platform's topics hold: the registry wire
 * format (magic byte 0, a 4-byte schema id, then the JSON) or plain JSON. The two are told apart per
 * record by the first byte — plain JSON never starts with byte 0 — so one topic may hold both.
 */
public final class JsonValue {

    /** The registry wire format's magic byte, then 4 bytes of schema id. */
    public static final byte MAGIC = 0;
    public static final int WIRE_HEADER = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValue() {
    }

    /** The JSON object of {@code value}; {@link UnkeyableRecordException} saying why it is none. */
    public static JsonNode read(byte[] value) {
        if (value == null) {
            throw new UnkeyableRecordException("the value is null (a tombstone): it has no key fields");
        }
        int offset = 0;
        if (value.length > 0 && value[0] == MAGIC) {
            if (value.length <= WIRE_HEADER) {
                throw new UnkeyableRecordException("the value starts with the registry wire format's magic byte 0 "
                        + "but has " + value.length + " bytes, no more than its 5-byte header");
            }
            offset = WIRE_HEADER;
        }
        JsonNode json = parse(value, offset);
        if (!json.isObject()) {
            throw new UnkeyableRecordException("the value is JSON but not an object (" + json.getNodeType() + ")");
        }
        return json;
    }

    private static JsonNode parse(byte[] value, int offset) {
        try {
            JsonNode json = JSON.readTree(value, offset, value.length - offset);
            if (json == null || json.isMissingNode()) {
                throw new UnkeyableRecordException("the value holds no JSON");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new UnkeyableRecordException("the value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnkeyableRecordException("the value cannot be read as JSON: " + e.getMessage(), e);
        }
    }
}
