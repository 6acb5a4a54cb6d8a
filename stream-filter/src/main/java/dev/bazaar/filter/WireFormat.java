package dev.bazaar.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * Checks a value is in the registry wire format (magic byte 0, a 4-byte schema id, then JSON),
 * so that a broken record is sent to dead letters instead of downstream.
 */
final class WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HEADER = 5;

    private WireFormat() {
    }

    /** Why {@code value} is not a readable record, or null when it is. */
    static String problem(byte[] value) {
        if (value.length <= HEADER) {
            return "value of " + value.length + " bytes is too short for the registry wire format";
        }
        if (value[0] != 0) {
            return "magic byte is " + value[0] + ", expected 0 (registry wire format)";
        }
        try {
            if (!JSON.readTree(Arrays.copyOfRange(value, HEADER, value.length)).isObject()) {
                return "payload is JSON but not an object";
            }
            return null;
        } catch (IOException e) {
            return "payload is not JSON: " + e.getMessage();
        }
    }
}
