package dev.bazaar.client.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.RegistryConnection;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON record into the bytes Kafka stores: validated against the topic's registered schema
 * and framed in the registry wire format (magic byte and 4-byte schema id), so that
 * Confluent-style consumers can read it.
 */
public final class RegistryEncoder implements AutoCloseable {

    /** A validator line such as {@code $.page: must have a minimum value of 1}. */
    private static final Pattern VIOLATION = Pattern.compile("(\\$[^\\s:]*): ([^\\n\\]]+)");

    private final JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
    private final String registry;

    public RegistryEncoder(RegistryConnection registry) {
        this.registry = registry.url();
        serializer.configure(new HashMap<>(registry.serdeConfig()), false);
    }

    /**
     * The bytes of {@code value} for {@code topic}.
     *
     * @throws IllegalStateException when the record breaks the schema (a bug: requests are checked before)
     * @throws SearchNotRecordedException when the registry cannot be asked for the schema
     */
    public byte[] encode(String topic, JsonNode value) {
        try {
            return serializer.serialize(topic, value);
        } catch (RuntimeException refused) {
            List<String> violations = violations(refused);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("a record for " + topic + " breaks its schema: "
                        + String.join("; ", violations), refused);
            }
            throw new SearchNotRecordedException("the schema of " + topic + " could not be read from the registry at "
                    + registry + ": " + refused.getMessage(), refused);
        }
    }

    private static List<String> violations(RuntimeException refused) {
        List<String> found = new ArrayList<>();
        for (Throwable t = refused; t != null && found.isEmpty(); t = t.getCause()) {
            Matcher matcher = VIOLATION.matcher(String.valueOf(t.getMessage()));
            while (matcher.find()) {
                found.add(matcher.group(1) + ": " + matcher.group(2).strip());
            }
        }
        return found;
    }

    @Override
    public void close() {
        serializer.close();
    }
}
