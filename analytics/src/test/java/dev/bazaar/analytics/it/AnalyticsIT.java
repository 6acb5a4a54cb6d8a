package dev.bazaar.analytics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.analytics.OrderFixture;
import dev.bazaar.analytics.catalog.Product;
import dev.bazaar.analytics.config.AnalyticsConfig;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job against the platform as {@code ./bazaar up} runs it (Kafka over SASL_SSL, the schema
 * registry, HDFS's NameNode and DataNode in their own JVMs): the fixture's order files written into
 * HDFS (uncommitted ones too), its catalog published to {@code filtered-items} in the registry wire
 * format with the knife blocked (a tombstone after its item), then the scheduler as {@code up} starts it,
 * which runs {@code analytics run} in a JVM of its own; what that run published is read back as admin
 * with the registry's deserializer. (The system test runs {@code bazaar analytics run} by hand.)
 *
 * <p>The platform may be the build's one: other modules' orders are in {@code /data/orders}, their items
 * in {@code filtered-items}, their records on the output topics. So the fixture's files go to a folder
 * of this run's own, given to the job as its orders' folder; its customers' names carry this run's
 * prefix; and only those customers' lists and this run's report are read back.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsIT {

    /** The scheduler's first run is one interval after its start, then the run itself. */
    private static final Duration SCHEDULED_RUN_DEADLINE = Duration.ofMinutes(6);
    private static final Duration FAILURE_DEADLINE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** This run's own: its customers' prefix and its orders' folder in HDFS, apart from /data/orders. */
    private static final String RUN = "analytics-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String ORDERS_FOLDER = "/it/" + RUN + "/orders";

    @TempDir
    Path logs;

    private Running platform;
    private FileSystem hdfs;
    private String ordersUrl;
    private OrderFixture fixture;
    private int schedulerPort;

    @BeforeAll
    void seed(Running running) throws Exception {
        platform = running;
        String hdfsUrl = platform.platform().endpoints().serviceUrl("hdfs").orElse(null);
        Assumptions.assumeTrue(hdfsUrl != null, "the platform runs no HDFS: nothing to read orders from");
        Configuration conf = new Configuration();
        conf.set("dfs.replication", "1");
        hdfs = FileSystem.newInstance(URI.create(hdfsUrl), conf);
        ordersUrl = hdfsUrl.replaceAll("/+$", "") + ORDERS_FOLDER;
        fixture = OrderFixture.asOf(Instant.now(), RUN + "-");
        writeOrders(fixture);
        publishCatalog();
    }

    @AfterAll
    void disconnect() throws IOException {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Test
    @Order(1)
    void theSchedulerRunsTheJobInAJvmOfItsOwnWhichPublishesEachCustomersRecommendationsAndTheSalesReport()
            throws Exception {
        // given a scheduler as up starts it, but every 10 s (the least it takes), on a port of its own and this run's orders
        schedulerPort = freePort();
        Path schedulerLog = logs.resolve("scheduler.log");
        Process scheduler = AnalyticsProcess.start("dev.bazaar.analytics.AnalyticsScheduler",
                AnalyticsProcess.schedulerOptions(), List.of(),
                Map.of("BAZAAR_VAR", var(), "BAZAAR_HTTP_PORT", Integer.toString(schedulerPort),
                        "BAZAAR_ANALYTICS_EVERY", "10s",
                        AnalyticsConfig.environmentVariable(AnalyticsConfig.ORDERS_PATH), ordersUrl),
                schedulerLog);
        JsonNode status;
        String output;
        try {
            // when its first run (`analytics run` in a JVM of its own) finishes
            status = await().atMost(SCHEDULED_RUN_DEADLINE).pollInterval(Duration.ofSeconds(1))
                    .failFast("the scheduler exited", () -> !scheduler.isAlive())
                    .ignoreExceptions()
                    .until(this::schedulerStatus, body -> body.path("runs").asLong() >= 1);
            output = read(schedulerLog) + read(Path.of(schedulerLog + ".err"));

            // then /health tells how it went, with the counts the run reported
            JsonNode lastRun = status.path("lastRun");
            assertThat(lastRun.path("outcome").asText()).as("outcome; scheduler log: %s", output)
                    .isEqualTo("succeeded");
            assertThat(lastRun.path("exitCode").asInt()).as("exit code").isZero();
            assertThat(lastRun.path("summary").path("customers").asLong()).as("customers").isEqualTo(7);
            assertThat(lastRun.path("summary").path("recommendationsPublished").asLong()).as("published").isEqualTo(7);
            assertThat(status.path("every").asText()).as("every").isEqualTo("PT10S");
            assertThat(anonymousStatus()).as("the status without credentials").isEqualTo("{\"status\":\"UP\"}");
        } finally {
            scheduler.destroy();
            scheduler.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(scheduler.exitValue()).as("scheduler exit after SIGTERM").isIn(0, 143);

        // and the run said what it did, in the scheduler's log (the catalog holds other tests' products too)
        assertThat(output).as("the run's progress in the scheduler's log")
                .containsPattern("catalog: [0-9,]+ products in filtered-items")
                .contains("orders: 9 files under " + ordersUrl + ": 20 lines, 4 not valid orders; "
                        + "13 orders (latest versions), 2 cancelled")
                .contains("published recommendations for 7 customers to recommendations")
                .containsPattern("done in [0-9.]+ s: 13 orders read, 7 customers, 10 products, 8 records published")
                .contains("analytics: published report");
        thenTheRecommendationsAndTheReportArePublished(status.path("lastRun").path("summary").path("reportId").asText());
    }

    /** The run's records, read back with the registry's deserializer, as worked out in RecommenderTest. */
    private void thenTheRecommendationsAndTheReportArePublished(String reportId) throws Exception {
        Map<String, JsonNode> lists = TopicReader.latest(admin(), registry(), Topics.RECOMMENDATIONS,
                fixture.customers()::contains);
        assertThat(lists).as("recommendations by customer").containsOnlyKeys(fixture.customers());
        assertThat(describe(lists.get(fixture.customer("Alice")))).as("Alice's list").containsExactly(
                "1 atlas 0.6417 co-purchase",
                "2 kettlebell 0.6083 co-purchase",
                "3 jump-rope 0.2917 category-affinity",
                "4 usb-cable 0.1333 popular",
                "5 phone 0.0667 popular");
        assertThat(describe(lists.get(fixture.customer("Dave")))).as("Dave's list").containsExactly(
                "1 yoga-mat 0.8200 co-purchase",
                "2 bottle 0.1867 category-affinity",
                "3 dumbbells 0.1867 category-affinity",
                "4 novel 0.1333 popular",
                "5 atlas 0.0667 popular");
        assertThat(lists.values()).as("every list: the blocked knife and the uncommitted hidden gem are never named")
                .allSatisfy(list -> assertThat(describe(list))
                        .noneMatch(entry -> entry.contains(" " + OrderFixture.KNIFE + " ")
                                || entry.contains(OrderFixture.HIDDEN_GEM)));

        // and the report, keyed by its id
        assertThat(reportId).as("the run's report id").isNotBlank();
        Map<String, JsonNode> reports = TopicReader.latest(admin(), registry(), Topics.ANALYTIC_TOPIC, reportId::equals);
        JsonNode report = reports.get(reportId);
        assertThat(report).as("report %s on %s", reportId, Topics.ANALYTIC_TOPIC).isNotNull();
        List<String> categories = new ArrayList<>();
        report.path("categories").forEach(category -> categories.add(category.path("category").asText() + " "
                + category.path("orders").asLong() + " " + category.path("units").asLong() + " "
                + category.path("revenue").path("amount").decimalValue().setScale(2) + " "
                + category.path("revenue").path("currency").asText()));
        assertThat(categories).as("categories").containsExactly("tech 2 4 20450.30 RUB", "sports 5 9 12351.25 RUB",
                "books 2 3 2200.00 RUB", "uncategorized 1 1 700.00 RUB");
        assertThat(report.path("topProducts").get(0).path("name").asText()).as("best seller").isEqualTo("Phone");
        assertThat(report.path("topProducts").get(6).path("name").asText()).as("the blocked knife, named by id")
                .isEqualTo(OrderFixture.KNIFE);
    }

    @Test
    @Order(3)
    void whenHdfsDoesNotAnswerTheRunFailsNamingItsAddress() throws Exception {
        // given an address where no NameNode listens
        String nowhere = "hdfs://127.0.0.1:" + freePort() + "/data/orders";

        // when
        AnalyticsProcess.Result run = AnalyticsProcess.run(List.of("run", "--var", var(), "--orders", nowhere),
                Map.of(), logs.resolve("no-hdfs.log"), FAILURE_DEADLINE);

        // then
        assertThat(run.exitCode()).as("exit code").isEqualTo(1);
        assertThat(run.err()).as("error").contains("analytics: failed: the order files at " + nowhere)
                .contains("does not answer").contains("./bazaar up");
    }

    @Test
    @Order(4)
    void whenKafkaDoesNotAnswerTheRunFailsNamingItsAddress() throws Exception {
        // given a cluster address where no broker listens (as an external cluster is named)
        String nowhere = "127.0.0.1:" + freePort();
        Map<String, String> env = Map.of("BAZAAR_MAIN_BOOTSTRAP_SERVERS", nowhere,
                "BAZAAR_ANALYTICS_PASSWORD", platform.layout().secrets().password("analytics"),
                "BAZAAR_TRUSTSTORE", platform.layout().truststore().toString(),
                "BAZAAR_TRUSTSTORE_PASSWORD", platform.layout().secrets().password("truststore"));

        // when
        AnalyticsProcess.Result run = AnalyticsProcess.run(List.of("run", "--var", var(), "--conf",
                "analytics.kafka.timeout=5s"), env, logs.resolve("no-kafka.log"), FAILURE_DEADLINE);

        // then
        assertThat(run.exitCode()).as("exit code").isEqualTo(1);
        assertThat(run.err()).as("error").contains("analytics: failed: Kafka at " + nowhere + " did not answer within 5 s")
                .contains("./bazaar up");
    }

    private void writeOrders(OrderFixture fixture) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(ORDERS_FOLDER);
        for (Map.Entry<String, String> file : fixture.files().entrySet()) {
            try (OutputStream out = hdfs.create(new org.apache.hadoop.fs.Path(root, file.getKey()), true)) {
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The storefront as stream-filter leaves it: every item, then a tombstone for the blocked knife. */
    private void publishCatalog() throws Exception {
        Properties props = admin();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer());
                JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>()) {
            serializer.configure(new HashMap<>(RegistryConnection.embedded(platform.layout(), RegistryUser.DEVELOPER)
                    .serdeConfig()), false);
            for (Product product : OrderFixture.catalogWithKnife().products()) {
                producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, product.productId(),
                        serializer.serialize(Topics.FILTERED_ITEMS, item(product)))).get(30, TimeUnit.SECONDS);
            }
            producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, OrderFixture.KNIFE, null)).get(30, TimeUnit.SECONDS);
        }
    }

    private static ObjectNode item(Product product) {
        ObjectNode item = JSON.createObjectNode().put("productId", product.productId()).put("sku", "sku-" + product.productId());
        item.putObject("name").put("ru", product.nameRu()).put("en", product.nameEn());
        item.putObject("price").put("amount", new BigDecimal("10.00")).put("currency", "RUB");
        return item.put("category", product.category()).put("stock", 5).put("storeId", "store-1")
                .put("createdAt", "2026-11-01T10:00:00Z").put("updatedAt", "2026-11-01T10:00:00Z");
    }

    /** The scheduler's whole status, as ops sees it over HTTPS. */
    private JsonNode schedulerStatus() throws IOException, InterruptedException {
        HttpResponse<String> response = PlatformTls.httpClient(platform.layout()).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + schedulerPort + "/health"))
                .header("Authorization", HttpUser.OPS.basic(platform.layout())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /health as ops").isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** What {@code /health} tells a caller without credentials. */
    private String anonymousStatus() throws IOException, InterruptedException {
        HttpResponse<String> response = PlatformTls.httpClient(platform.layout()).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + schedulerPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /health without credentials").isEqualTo(200);
        return response.body();
    }

    private static List<String> describe(JsonNode record) {
        List<String> entries = new ArrayList<>();
        record.path("recommendations").forEach(entry -> entries.add(entry.path("rank").asInt() + " "
                + entry.path("productId").asText() + " "
                + entry.path("score").decimalValue().setScale(4, java.math.RoundingMode.HALF_UP) + " "
                + entry.path("reason").asText()));
        return entries;
    }

    private Properties admin() {
        return platform.client(Cluster.MAIN, "admin", new Properties());
    }

    private RegistryConnection registry() {
        return RegistryConnection.embedded(platform.layout(), RegistryUser.READONLY);
    }

    private String var() {
        return platform.layout().root().toString();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
