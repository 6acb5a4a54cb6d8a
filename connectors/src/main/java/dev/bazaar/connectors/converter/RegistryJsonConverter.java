package dev.bazaar.connectors.converter;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Reads values in the schema registry's wire format (magic byte 0, a 4-byte schema id, then JSON)
 * for sink connectors, handing on the JSON document's bytes: a sink that writes JSON (Elasticsearch,
 * JSON lines in HDFS) parses them once, instead of once here into a map and again into its own
 * model. The producers validated each record against its schema before sending, so this converter
 * checks the framing and that a JSON object follows; a record that fails is a {@link DataException},
 * which Connect's error handling sends to the dead-letter topic when {@code errors.tolerance=all}.
 * A null value (a tombstone) stays null.
 */
public final class RegistryJsonConverter implements Converter {

    private static final int HEADER = 5;

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
        int first = HEADER;
        while (first < value.length && Character.isWhitespace(value[first])) {
            first++;
        }
        if (first == value.length || value[first] != '{') {
            throw new DataException("a value on " + topic + " is not a JSON object after the wire-format header");
        }
        return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, Arrays.copyOfRange(value, HEADER, value.length));
    }
}
