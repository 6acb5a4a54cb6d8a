package dev.bazaar.connectors.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.ExampleRecords;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.util.HashMap;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producers of the principals that write the search sink's input, and the records they write. */
final class Producers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Producers() {
    }

    /** Records validated against the registry, in its wire format, as {@code principal}. */
    static KafkaProducer<String, JsonNode> registry(Running platform, String principal) {
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(platform.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        return new KafkaProducer<>(properties(platform, principal), new StringSerializer(), serializer);
    }

    /**
     * A transactional producer of records validated against the registry, as principal {@code filter}
     * with a transactional id under its own prefix: the way stream-filter writes filtered-items.
     */
    static KafkaProducer<String, JsonNode> transactional(Running platform, String transactionalId) {
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(platform.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        Properties props = properties(platform, "filter");
        props.put("transactional.id", transactionalId);
        return new KafkaProducer<>(props, new StringSerializer(), serializer);
    }

    /** Raw bytes, to write what no serializer would (a malformed record), as the super user. */
    static KafkaProducer<String, byte[]> raw(Running platform) {
        return new KafkaProducer<>(properties(platform, "admin"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The valid example item with {@code productId} and {@code price}. */
    static ObjectNode item(String productId, double price) {
        return ExampleRecords.item(productId, price);
    }

    /** A stop-list entry blocking {@code productId}. */
    static ObjectNode block(String productId) {
        return JSON.createObjectNode().put("productId", productId).put("reason", "integration test")
                .put("blockedBy", "ops").put("blockedAt", "2026-11-23T10:00:00Z");
    }

    private static Properties properties(Running platform, String principal) {
        Properties extra = new Properties();
        extra.put("acks", "all");
        extra.put("linger.ms", "5");
        return platform.client(Cluster.MAIN, principal, extra);
    }
}
