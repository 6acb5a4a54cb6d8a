package dev.bazaar.client.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.ExampleRecords;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the other parts of the platform write, written by the test as their principals would: the
 * shop's items, the operator's stop-list, the analytics job's recommendations, all validated by the
 * registry; and {@code client-search} read back as the super user.
 */
public final class PlatformRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ACK_SECONDS = 30;

    private final Running platform;

    public PlatformRecords(Running platform) {
        this.platform = platform;
    }

    /** An item valid against items.json: the example with this id, names, category, brand, tags and price. */
    public static ObjectNode item(String productId, String ru, String en, String category, String brand, double price,
            String... tags) {
        ObjectNode item = ExampleRecords.item(productId, price);
        item.putObject("name").put("ru", ru).put("en", en);
        item.putObject("description").put("ru", ru + ": описание для теста").put("en", en + ": a test description");
        item.put("category", category).put("brand", brand);
        ArrayNode list = item.putArray("tags");
        Arrays.stream(tags).forEach(list::add);
        return item;
    }

    /** Publishes {@code items} to {@code items} as principal {@code shop}, keyed by product id. */
    public void publishItems(List<ObjectNode> items) throws Exception {
        try (KafkaProducer<String, JsonNode> shop = registryProducer("shop")) {
            for (ObjectNode item : items) {
                shop.send(new ProducerRecord<>(Topics.ITEMS, item.path("productId").asText(), item))
                        .get(ACK_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** Blocks {@code productId} as principal {@code ops}, as {@code bazaar filter block} does. */
    public void block(String productId) throws Exception {
        ObjectNode entry = JSON.createObjectNode().put("productId", productId).put("reason", "client-api test")
                .put("blockedBy", "ops").put("blockedAt", "2026-11-23T10:00:00Z");
        try (KafkaProducer<String, JsonNode> ops = registryProducer("ops")) {
            ops.send(new ProducerRecord<>(Topics.BLOCKED_PRODUCTS, productId, entry)).get(ACK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Recommendations valid against recommendations.json for {@code customer}: the products, best first. */
    public static ObjectNode recommendations(String customer, String... productIds) {
        ObjectNode record = JSON.createObjectNode().put("customer", customer).put("generatedAt", "2026-11-23T10:00:00Z");
        ArrayNode list = record.putArray("recommendations");
        String[] reasons = {"co-purchase", "category-affinity", "popular"};
        for (int i = 0; i < productIds.length; i++) {
            list.addObject().put("productId", productIds[i]).put("rank", i + 1).put("score", 1.0 - i * 0.1)
                    .put("reason", reasons[i % reasons.length]);
        }
        record.putObject("period").put("from", "2026-10-24T00:00:00Z").put("to", "2026-11-23T00:00:00Z");
        return record;
    }

    /** Publishes recommendations as principal {@code analytics}, keyed by customer, as the analytics job does. */
    public void publishRecommendations(ObjectNode record) throws Exception {
        try (KafkaProducer<String, JsonNode> analytics = registryProducer("analytics")) {
            analytics.send(new ProducerRecord<>(Topics.RECOMMENDATIONS, record.path("customer").asText(), record))
                    .get(ACK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Publishes a tombstone for {@code customer} as principal {@code analytics}. */
    public void removeRecommendations(String customer) throws Exception {
        try (KafkaProducer<String, byte[]> analytics = new KafkaProducer<>(properties("analytics"),
                new StringSerializer(), new ByteArraySerializer())) {
            analytics.send(new ProducerRecord<>(Topics.RECOMMENDATIONS, customer, null)).get(ACK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A record of {@code client-search} carrying {@code searchId}, read as the super user. */
    public ConsumerRecord<String, byte[]> clientSearch(String searchId, Duration deadline) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLIENT_SEARCH).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(deadline).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(searchId)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }

    /** The JSON after the registry's wire-format header, or empty when the bytes are not framed. */
    public static Optional<JsonNode> unframe(byte[] value) throws Exception {
        if (value.length <= 5 || value[0] != 0) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(value, 5, value.length - 5));
    }

    private KafkaProducer<String, JsonNode> registryProducer(String principal) {
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(platform.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        return new KafkaProducer<>(properties(principal), new StringSerializer(), serializer);
    }

    private Properties properties(String principal) {
        Properties extra = new Properties();
        extra.put("acks", "all");
        return platform.client(Cluster.MAIN, principal, extra);
    }
}
