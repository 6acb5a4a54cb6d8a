package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.setup.PlatformSpec;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaDeserializer;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every platform record is JSON checked against its registered schema; the registry guards its schemas. */
@ExtendWith(EmbeddedPlatform.class)
class SchemaRegistryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Unique to this run: the item this test publishes stays on items and flows on for later modules. */
    private static final String RUN = "registry-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void validItemRoundTripsInTheConfluentWireFormat(Running platform) throws Exception {
        // given a valid catalog item
        JsonNode item = ((ObjectNode) example("items.valid.json")).put("productId", RUN + "-item");
        String key = item.path("productId").asText();

        // when shop produces it with validation on
        RecordMetadata sent;
        try (KafkaProducer<String, JsonNode> producer = schemaProducer(platform)) {
            sent = producer.send(new ProducerRecord<>(Topics.ITEMS, key, item)).get(30, TimeUnit.SECONDS);
        }

        // then the stored bytes carry magic byte 0 and the registry's id of items-value, and read back equal
        byte[] raw = readRaw(platform, sent);
        assertThat(raw[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).as("schema id in the record")
                .isEqualTo(registeredId(platform, "items-value"));
        assertThat(readDeserialized(platform, sent)).as("item read back through the registry").isEqualTo(item);
    }

    @Test
    void invalidItemIsRefusedAtTheProducerNamingTheField(Running platform) throws Exception {
        // given an item whose price is negative
        JsonNode item = example("items.invalid.json");

        // when shop produces it
        Throwable refused;
        try (KafkaProducer<String, JsonNode> producer = schemaProducer(platform)) {
            refused = catchThrowable(() -> producer.send(new ProducerRecord<>(Topics.ITEMS, "p-invalid", item))
                    .get(30, TimeUnit.SECONDS));
        }

        // then the producer refuses it, naming the failing field
        assertThat(refused).as("refusal of an invalid item").isNotNull();
        assertThat(Failures.chain(refused)).as("messages of the refusal")
                .anyMatch(t -> String.valueOf(t.getMessage()).contains("price.amount"));
    }

    @Test
    void incompatibleSchemaChangeIsRefusedWith409(Running platform) throws Exception {
        // given the items schema with a new required field, which old records lack
        ObjectNode changed = (ObjectNode) JSON.readTree(PlatformSpec.schemaText("items.json"));
        ((ObjectNode) changed.path("properties")).putObject("warehouse")
                .put("type", "string").put("description", "a field old items do not have");
        ((ArrayNode) changed.path("required")).add("warehouse");

        // when a developer registers it
        HttpResponse<String> response = registerItemsSchema(platform, platform.platform().registryAs(RegistryUser.DEVELOPER),
                changed.toString());

        // then the registry refuses it as incompatible
        assertThat(response.statusCode()).as("status of an incompatible change: %s", response.body()).isEqualTo(409);
    }

    @Test
    void registryRequiresCredentials(Running platform) throws Exception {
        // given no credentials
        RegistryConnection registry = platform.platform().registryAs(RegistryUser.READONLY);
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + "/subjects")).GET().build();

        // when listing subjects
        HttpResponse<String> response = http(registry).send(anonymous, HttpResponse.BodyHandlers.ofString());

        // then 401
        assertThat(response.statusCode()).as("anonymous list of subjects").isEqualTo(401);
    }

    @Test
    void readOnlyUserReadsButCannotWrite(Running platform) throws Exception {
        // given the read-only user
        RegistryConnection readonly = platform.platform().registryAs(RegistryUser.READONLY);

        // when it reads and when it registers the current schema again
        HttpResponse<String> read = http(readonly).send(authorized(readonly, "/subjects").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> write = registerItemsSchema(platform, readonly, PlatformSpec.schemaText("items.json"));

        // then reading works and writing is forbidden
        assertThat(read.statusCode()).as("read-only user lists subjects").isEqualTo(200);
        assertThat(read.body()).as("subjects").contains("items-value", "orders-value");
        assertThat(write.statusCode()).as("read-only user registers a schema: %s", write.body()).isEqualTo(403);
    }

    private static HttpResponse<String> registerItemsSchema(Running platform, RegistryConnection as, String schema)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("schemaType", "JSON", "schema", schema));
        HttpRequest request = authorized(as, "/subjects/items-value/versions")
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http(as).send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int registeredId(Running platform, String subject) throws Exception {
        RegistryConnection registry = platform.platform().registryAs(RegistryUser.READONLY);
        HttpResponse<String> latest = http(registry).send(
                authorized(registry, "/subjects/" + subject + "/versions/latest").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(latest.body()).path("id").asInt();
    }

    private static HttpRequest.Builder authorized(RegistryConnection registry, String path) {
        return HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).timeout(DEADLINE)
                .header("Authorization", registry.authorization());
    }

    private static HttpClient http(RegistryConnection registry) {
        return HttpClient.newBuilder().sslContext(registry.sslContext()).connectTimeout(DEADLINE).build();
    }

    private static KafkaProducer<String, JsonNode> schemaProducer(Running platform) {
        Properties extra = new Properties();
        extra.putAll(platform.platform().registryAs(RegistryUser.DEVELOPER).serdeConfig());
        extra.put("acks", "all");
        extra.put("max.block.ms", "30000");
        return new KafkaProducer<>(platform.client(Cluster.MAIN, "shop", extra), new StringSerializer(),
                configured(new JsonSchemaKafkaSerializer<>(), extra));
    }

    private static <T extends org.apache.kafka.common.serialization.Serializer<JsonNode>> T configured(T serializer,
            Properties props) {
        serializer.configure(toMap(props), false);
        return serializer;
    }

    private static byte[] readRaw(Running platform, RecordMetadata sent) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return readAt(consumer, sent).value();
        }
    }

    private static JsonNode readDeserialized(Running platform, RecordMetadata sent) {
        Properties extra = new Properties();
        extra.putAll(platform.platform().registryAs(RegistryUser.READONLY).serdeConfig());
        JsonSchemaKafkaDeserializer<JsonNode> deserializer = new JsonSchemaKafkaDeserializer<>();
        deserializer.configure(toMap(extra), false);
        try (KafkaConsumer<String, JsonNode> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new StringDeserializer(), deserializer)) {
            return readAt(consumer, sent).value();
        }
    }

    private static <K, V> ConsumerRecord<K, V> readAt(KafkaConsumer<K, V> consumer, RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        consumer.assign(List.of(partition));
        consumer.seek(partition, sent.offset());
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return !records.isEmpty();
        });
        return records.get(0);
    }

    private static Map<String, Object> toMap(Properties props) {
        Map<String, Object> map = new java.util.HashMap<>();
        props.forEach((k, v) -> map.put(k.toString(), v));
        return map;
    }

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = SchemaRegistryIT.class.getResourceAsStream("/bazaar/setup/schemas/examples/" + name)) {
            assertThat(in).as("example %s on the test classpath", name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
