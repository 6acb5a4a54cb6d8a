package dev.bazaar.connectors.converter;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Reads values in the schema registry's wire format (magic byte 0, a 4-byte schema id, then JSON)
 * as schemaless maps, for sink connectors. The producers validated each record against its schema
 * before sending, so this converter only checks the framing and the JSON; a record that fails
 * either is a {@link DataException}, which Connect's error handling sends to the dead-letter topic
 * when {@code errors.tolerance=all}. A null value (a tombstone) stays null.
 */
public final class RegistryJsonConverter implements Converter {

    private static final int HEADER = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schema id is not needed to read JSON
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new DataException("RegistryJsonConverter only reads (sink connectors); it cannot write to " + topic);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        if (value.length <= HEADER || value[0] != 0) {
            throw new DataException("a value on " + topic + " is not in the registry wire format: "
                    + (value.length <= HEADER ? value.length + " bytes" : "magic byte " + value[0] + ", expected 0"));
        }
        try {
            JsonNode node = JSON.readTree(Arrays.copyOfRange(value, HEADER, value.length));
            if (!node.isObject()) {
                throw new DataException("a value on " + topic + " is JSON but not an object: " + node.getNodeType());
            }
            return new SchemaAndValue(null, JSON.convertValue(node, MAP));
        } catch (IOException e) {
            throw new DataException("a value on " + topic + " is not JSON after the wire-format header: "
                    + e.getMessage(), e);
        }
    }
}
