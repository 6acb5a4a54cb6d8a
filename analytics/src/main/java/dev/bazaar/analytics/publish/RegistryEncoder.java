package dev.bazaar.analytics.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.RegistryConnection;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.net.ConnectException;
import java.util.HashMap;

/**
 * Encodes a record the way every platform topic stores it: validated against the schema registered
 * for the topic's values and framed in the registry wire format (magic byte, 4-byte schema id).
 * A record the schema refuses, or a registry that does not answer, throws: the run fails naming it.
 */
public final class RegistryEncoder implements AutoCloseable {

    private final JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
    private final String registryUrl;

    public RegistryEncoder(RegistryConnection registry) {
        serializer.configure(new HashMap<>(registry.serdeConfig()), false);
        this.registryUrl = registry.url();
    }

    /** The bytes of {@code value} for {@code topic}. */
    public byte[] encode(String topic, JsonNode value) {
        try {
            return serializer.serialize(topic, value);
        } catch (RuntimeException e) {
            throw new PublishException(describe(topic, e), e);
        }
    }

    private String describe(String topic, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "the schema registry at " + registryUrl + " does not answer (" + t.getMessage()
                        + "): is the platform running? Start it with ./bazaar up";
            }
        }
        return "a " + topic + " record was refused by its schema or the schema registry at " + registryUrl + ": "
                + messages(e);
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !text.toString().contains(message)) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.isEmpty() ? e.getClass().getName() : text.toString();
    }

    @Override
    public void close() {
        serializer.close();
    }
}
