package dev.bazaar.shop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.shop.publish.PublishFailedException;
import dev.bazaar.shop.publish.Publisher;
import dev.bazaar.shop.publish.RecordEncoder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** shop-api against the real secure cluster and registry: what lands on Kafka, and every way a request is refused. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopApiIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /**
     * Unique to this run: the product, order and customer ids this test publishes start with it, since
     * the items and orders it writes stay on the build's platform and flow on (index, HDFS) for later modules.
     */
    private static final String RUN = "shop-it-" + UUID.randomUUID().toString().substring(0, 8);

    private Running platform;

    @Inject
    EmbeddedServer server;

    @Inject
    RecordEncoder encoder;

    private HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        http = PlatformTls.httpClient(platform.layout());
        return Map.of("shop.var-dir", platform.layout().root().toString(), "micronaut.server.ssl.port", "-1",
                "micronaut.server.max-request-size", "256KB");
    }

    @Test
    void validItemLandsOnItemsKeyedByProductIdInTheWireFormat() throws Exception {
        // given a valid item
        ObjectNode item = item("valid");

        // when shop-api receives it
        HttpResponse<String> response = post("/items", item.toString(), basic());

        // then 202 names where Kafka stored it, and the stored record is keyed and framed for the registry
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body()).path("records").get(0);
        assertThat(accepted.path("topic").asText()).as("topic").isEqualTo(Topics.ITEMS);
        ConsumerRecord<String, byte[]> stored = read(Topics.ITEMS, accepted.path("partition").asInt(),
                accepted.path("offset").asLong());
        assertThat(stored.key()).as("key").isEqualTo(item.path("productId").asText());
        assertThat(stored.value()[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(stored.value(), 1, 4).getInt()).as("schema id").isPositive();
    }

    @Test
    void arrayOfItemsIsAcknowledgedRecordByRecord() throws Exception {
        // given three valid items with their own ids
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < 3; i++) {
            items.add(item("array-" + i));
        }

        // when they are posted together
        HttpResponse<String> response = post("/items", items.toString(), bearer());

        // then each one is acknowledged, in order
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("acknowledged").asInt()).as("acknowledged").isEqualTo(3);
        assertThat(body.path("records").findValuesAsText("key")).as("keys")
                .containsExactly(RUN + "-array-0", RUN + "-array-1", RUN + "-array-2");
    }

    @Test
    void validOrderLandsOnOrdersKeyedByOrderId() throws Exception {
        ObjectNode order = example("orders.valid.json").put("orderId", RUN + "-order").put("customer", RUN);
        HttpResponse<String> response = post("/orders", order.toString(), basic());
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body()).path("records").get(0);
        assertThat(accepted.path("topic").asText()).as("topic").isEqualTo(Topics.ORDERS);
        assertThat(read(Topics.ORDERS, accepted.path("partition").asInt(), accepted.path("offset").asLong()).key())
                .as("key").isEqualTo(order.path("orderId").asText());
    }

    @Test
    void validCampaignLandsOnPromoCampaignsKeyedByItsStore() throws Exception {
        // given a campaign of the earlier promo system's shape
        ObjectNode campaign = example("promo-campaigns.valid.json").put("restaurant_id", RUN + "-store")
                .put("adv_campaign_id", RUN + "-campaign");

        // when shop-api receives it
        HttpResponse<String> response = post("/campaigns", campaign.toString(), basic());

        // then it is stored keyed by restaurant_id, framed for the registry
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body()).path("records").get(0);
        assertThat(accepted.path("topic").asText()).as("topic").isEqualTo(Topics.PROMO_CAMPAIGNS);
        ConsumerRecord<String, byte[]> stored = read(Topics.PROMO_CAMPAIGNS, accepted.path("partition").asInt(),
                accepted.path("offset").asLong());
        assertThat(stored.key()).as("key").isEqualTo(RUN + "-store");
        assertThat(stored.value()[0]).as("magic byte").isZero();
    }

    @Test
    void campaignThatEndsBeforeItStartsOrBreaksItsSchemaIsRefusedNamingTheFieldAndNothingIsPublished()
            throws Exception {
        // given a campaign that ends an hour before it starts, and one whose start is a date-time string
        ObjectNode backwards = example("promo-campaigns.valid.json").put("restaurant_id", RUN + "-backwards");
        backwards.put("adv_campaign_datetime_end", backwards.path("adv_campaign_datetime_start").asLong() - 3600);
        Map<TopicPartition, Long> before = endOffsets(Topics.PROMO_CAMPAIGNS);

        // when each is posted
        HttpResponse<String> refused = post("/campaigns", backwards.toString(), basic());
        HttpResponse<String> invalid = post("/campaigns", example("promo-campaigns.invalid.json").toString(), basic());

        // then 400 problem JSON names the field, and nothing reached the topic
        assertThat(refused.statusCode()).as("status; body %s", refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = JSON.readTree(refused.body()).path("errors").get(0);
        assertThat(error.path("path").asText()).isEqualTo("$.adv_campaign_datetime_end");
        assertThat(error.path("message").asText()).contains("before adv_campaign_datetime_start");
        assertThat(invalid.statusCode()).as("status; body %s", invalid.body()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("errors").get(0).path("path").asText())
                .isEqualTo("$.adv_campaign_datetime_start");
        assertThat(keysWrittenSince(Topics.PROMO_CAMPAIGNS, before)).as("keys written since")
                .doesNotContain(RUN + "-backwards", "store-kitchen-goods");
    }

    @Test
    void batchWithOneSchemaViolationPublishesNothingAndNamesTheField() throws Exception {
        // given a batch of a valid item and one whose price is negative
        ArrayNode batch = JSON.createArrayNode().add(item("batch-ok")).add(example("items.invalid.json"));
        Map<TopicPartition, Long> before = endOffsets(Topics.ITEMS);

        // when it is posted
        HttpResponse<String> response = post("/items", batch.toString(), basic());

        // then 400 names record 1 and its field, and its valid record was not published
        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as("content type").hasValue("application/problem+json");
        JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("record").asInt()).as("refused record").isEqualTo(1);
        assertThat(error.path("path").asText()).as("refused field").isEqualTo("$.price.amount");
        assertThat(keysWrittenSince(Topics.ITEMS, before)).as("keys written to items since the refused batch")
                .doesNotContain(RUN + "-batch-ok");
    }

    @Test
    void malformedJsonIsA400NamingWhere() throws Exception {
        HttpResponse<String> response = post("/items", "{\"productId\": \"p-1\",,}", basic());
        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("message").asText())
                .as("message").startsWith("malformed JSON at line 1, column");
    }

    @Test
    void recordWithoutItsKeyIsRefused() throws Exception {
        ObjectNode item = example("items.valid.json");
        item.remove("productId");
        HttpResponse<String> response = post("/items", item.toString(), basic());
        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(response.body()).as("problem").contains("$.productId");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        HttpRequest request = request("/items", basic()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status").isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).as("content type").hasValue("application/problem+json");
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        String big = "[" + "\"x\",".repeat(100_000) + "\"x\"]";
        HttpResponse<String> response = post("/items", big, basic());
        assertThat(response.statusCode()).as("status").isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).as("content type").hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).as("problem status").isEqualTo(413);
    }

    @Test
    void anonymousOrWrongCredentialsAre401ProblemJsonChallengingBasicAndBearer() throws Exception {
        // given a valid item
        String item = item("refused").toString();
        Map<TopicPartition, Long> before = endOffsets(Topics.ITEMS);

        // when it is posted without credentials, with a wrong password and with a wrong token
        HttpResponse<String> anonymous = post("/items", item, null);
        HttpResponse<String> wrongPassword = post("/orders", item, BasicAuth.header(ShopApiCredentials.USER, "wrong"));
        HttpResponse<String> wrongToken = post("/items", item, "Bearer wrong");

        // then each is 401 problem JSON that challenges both schemes, and nothing was published
        assertThat(anonymous.statusCode()).as("anonymous").isEqualTo(401);
        assertThat(wrongPassword.statusCode()).as("wrong password").isEqualTo(401);
        assertThat(wrongToken.statusCode()).as("wrong token").isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).as("content type").hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(anonymous.body());
        assertThat(problem.path("type").asText()).as("problem type").isEqualTo("https://bazaar.dev/problems/unauthorized");
        assertThat(problem.path("status").asInt()).as("problem status").isEqualTo(401);
        assertThat(problem.path("detail").asText()).as("detail").contains("credentials are required");
        assertThat(JSON.readTree(wrongPassword.body()).path("detail").asText()).as("detail of a wrong password")
                .isEqualTo("the credentials are not valid");
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).as("challenge")
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("Basic", "Bearer"));
        assertThat(keysWrittenSince(Topics.ITEMS, before)).as("keys written to items since the refused requests")
                .doesNotContain(RUN + "-refused");
    }

    @Test
    void userOfAnotherRoleIs403ProblemJson() throws Exception {
        // when Prometheus' credential posts an item, and the shop's reads the metrics
        HttpResponse<String> metricsPosts = post("/items", item("forbidden").toString(),
                HttpUser.METRICS.basic(platform.layout()));
        HttpResponse<String> shopScrapes = get("/prometheus", basic());

        // then both are forbidden, as problem JSON naming the user
        assertThat(metricsPosts.statusCode()).as("prometheus posting an item").isEqualTo(403);
        assertThat(shopScrapes.statusCode()).as("shop reading the metrics").isEqualTo(403);
        assertThat(shopScrapes.headers().firstValue("Content-Type")).as("content type").hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(shopScrapes.body());
        assertThat(problem.path("type").asText()).as("problem type").isEqualTo("https://bazaar.dev/problems/forbidden");
        assertThat(problem.path("detail").asText()).as("detail").contains("'shop'", "GET /prometheus");
    }

    @Test
    void adminMayPublishToo() throws Exception {
        HttpResponse<String> response = post("/items", item("admin").toString(),
                HttpUser.ADMIN.basic(platform.layout()));
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(202);
    }

    @Test
    void unreachableKafkaIsReportedRecordByRecordNeverAcknowledged() throws Exception {
        // given a publisher whose producer points at a port where no broker listens
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:1");
        props.put("max.block.ms", "1000");
        props.put("delivery.timeout.ms", "2000");
        props.put("request.timeout.ms", "1000");
        props.put("linger.ms", "0");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            Publisher publisher = new Publisher(producer, encoder, Duration.ofSeconds(3));

            // when two valid items are published
            PublishFailedException failure = catchThrowableOfType(PublishFailedException.class, () -> publisher.publish(
                    Topics.ITEMS, List.of(example("items.valid.json"), example("items.valid.json")), "productId"));

            // then both are reported as not acknowledged, none as accepted
            assertThat(failure).as("failure").isNotNull();
            assertThat(failure.accepted()).as("acknowledged").isEmpty();
            assertThat(failure.failed()).as("not acknowledged").extracting(e -> e.record()).containsExactly(0, 1);
        }
    }

    @Test
    void healthShowsKafkaToUsersOnlyAndMetricsAreExposedToPrometheus() throws Exception {
        // when health is read anonymously and as the shop, and the metrics with Prometheus' credential and without
        HttpResponse<String> anonymous = get("/health", null);
        HttpResponse<String> health = get("/health", basic());
        HttpResponse<String> metrics = get("/prometheus", HttpUser.METRICS.basic(platform.layout()));
        HttpResponse<String> anonymousMetrics = get("/prometheus", null);

        // then the anonymous caller learns the status only, a user the details; Prometheus reads the metrics
        assertThat(anonymous.statusCode()).as("anonymous health; body %s", anonymous.body()).isEqualTo(200);
        assertThat(JSON.readTree(anonymous.body()).properties()).as("anonymous health")
                .extracting(Map.Entry::getKey).containsExactly("status");
        assertThat(health.statusCode()).as("health; body %s", health.body()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("details").path("kafka").path("status").asText())
                .as("kafka health").isEqualTo("UP");
        assertThat(metrics.statusCode()).as("metrics").isEqualTo(200);
        assertThat(metrics.body()).as("metrics body").contains("jvm_memory_used_bytes");
        assertThat(anonymousMetrics.statusCode()).as("anonymous metrics").isEqualTo(401);
    }

    @Test
    void openApiDocumentDescribesTheWriteEndpointsToAUser() throws Exception {
        HttpResponse<String> document = get("/openapi/shop-api-1.yml", basic());
        assertThat(document.statusCode()).as("OpenAPI document").isEqualTo(200);
        assertThat(document.body()).as("OpenAPI paths").contains("/items", "/orders");
        assertThat(get("/openapi/shop-api-1.yml", null).statusCode()).as("anonymous OpenAPI document").isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws IOException, InterruptedException {
        HttpRequest request = request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(DEADLINE);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private String basic() {
        return ShopApiCredentials.basic(platform.layout());
    }

    private String bearer() {
        return ShopApiCredentials.bearer(platform.layout());
    }

    private ConsumerRecord<String, byte[]> read(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.get(0);
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** The keys of the records on {@code topic} from the offsets {@code from} up to its end now (others write there too). */
    private List<String> keysWrittenSince(String topic, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            List<String> keys = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
            return keys;
        }
    }

    /** The valid example item as product {@code RUN-<id>}. */
    private static ObjectNode item(String id) throws IOException {
        return example("items.valid.json").put("productId", RUN + "-" + id);
    }

    private static ObjectNode example(String name) throws IOException {
        try (InputStream in = ShopApiIT.class.getResourceAsStream("/bazaar/setup/schemas/examples/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
