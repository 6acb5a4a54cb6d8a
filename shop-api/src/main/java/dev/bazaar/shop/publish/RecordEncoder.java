package dev.bazaar.shop.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.RegistryConnection;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON record into the bytes Kafka stores: validated against the topic's registered schema
 * and framed in the registry wire format (magic byte and 4-byte schema id). Encoding a whole
 * request before sending any record is what makes a bad batch publish nothing.
 */
public final class RecordEncoder implements AutoCloseable {

    /** A validator line such as {@code $.price.amount: must have an exclusive minimum value of 0}. */
    private static final Pattern VIOLATION = Pattern.compile("(\\$[^\\s:]*): ([^\\n\\]]+)");

    private final JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();

    public RecordEncoder(RegistryConnection registry) {
        serializer.configure(new java.util.HashMap<>(registry.serdeConfig()), false);
    }

    /** The record's bytes, or the list of its schema violations (record index {@code index}). */
    public byte[] encode(String topic, JsonNode value, int index, List<FieldError> errors) {
        try {
            return serializer.serialize(topic, value);
        } catch (RuntimeException refused) {
            List<FieldError> found = violations(refused, index);
            if (found.isEmpty()) {
                throw refused;
            }
            errors.addAll(found);
            return null;
        }
    }

    private static List<FieldError> violations(RuntimeException refused, int index) {
        List<FieldError> errors = new ArrayList<>();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            Matcher matcher = VIOLATION.matcher(String.valueOf(t.getMessage()));
            while (matcher.find()) {
                FieldError error = new FieldError(index, matcher.group(1), matcher.group(2).strip());
                if (!errors.contains(error)) {
                    errors.add(error);
                }
            }
            if (!errors.isEmpty()) {
                break;
            }
        }
        return errors;
    }

    @Override
    public void close() {
        serializer.close();
    }
}
