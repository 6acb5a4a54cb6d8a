package dev.bazaar.search.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged search node, started in its own JVM as the launcher starts it, serves the core
 * features the platform relies on (explicit mapping, bulk, fuzzy multi_match on Russian and English
 * text, terms aggregation, delete by id) and stops cleanly on SIGTERM. The tests run in order against
 * one node: each builds on the index the previous ones wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchNodeIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int HTTP_PORT = Integer.getInteger("bazaar.it.port.base", 22200);
    private static final int TRANSPORT_PORT = HTTP_PORT + 100;
    private static final String INDEX = "products-it";
    /** What the launcher polls: 200 once the cluster is yellow or green, 408 before. */
    private static final String LAUNCHER_PROBE = "/_cluster/health?wait_for_status=yellow&timeout=1s";

    private static final String MAPPING = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"properties": {
               "name": {"type": "text", "analyzer": "standard"},
               "description": {"type": "text", "analyzer": "standard"},
               "category": {"type": "keyword"}}}}""";

    private static final String DOCUMENTS = """
            {"index": {"_index": "products-it", "_id": "1"}}
            {"name": "Гантели разборные 2×10 кг", "description": "Набор гантелей для дома", "category": "sport"}
            {"index": {"_index": "products-it", "_id": "2"}}
            {"name": "Коврик для йоги", "description": "Нескользящий коврик, 6 мм", "category": "sport"}
            {"index": {"_index": "products-it", "_id": "3"}}
            {"name": "Wireless headphones", "description": "Bluetooth over-ear, noise cancelling", "category": "electronics"}
            {"index": {"_index": "products-it", "_id": "4"}}
            {"name": "Кофеварка капельная", "description": "Coffee maker, 1.2 l", "category": "kitchen"}
            {"index": {"_index": "products-it", "_id": "5"}}
            {"name": "Running shoes", "description": "Lightweight shoes for the road", "category": "sport"}
            """;

    private static SearchNodeProcess node;
    private static EsHttp es;

    @BeforeAll
    static void startNode() throws IOException {
        Path var = Path.of(System.getProperty("bazaar.it.var", "target/it-var")).toAbsolutePath().resolve("search-node");
        deleteRecursively(var);
        long begin = System.nanoTime();
        node = SearchNodeProcess.start(var, Map.of(
                SearchNodeConfig.HOME, var.resolve("home").toString(),
                SearchNodeConfig.DATA, var.resolve("data").toString(),
                SearchNodeConfig.LOGS, var.resolve("logs").toString(),
                SearchNodeConfig.HTTP_PORT, Integer.toString(HTTP_PORT),
                SearchNodeConfig.TRANSPORT_PORT, Integer.toString(TRANSPORT_PORT)));
        es = new EsHttp(URI.create("http://127.0.0.1:" + HTTP_PORT));

        await("cluster health green or yellow on port " + HTTP_PORT)
                .atMost(READY_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .ignoreExceptions()
                .failFast("the search node exited before it was ready (see " + var + "/search-node.log)",
                        () -> !node.alive())
                .until(() -> List.of("green", "yellow").contains(es.get("/_cluster/health").body().path("status").asText()));

        System.out.printf("search node: ready %.1f s after start, RSS %d MiB (pid %d)%n",
                (System.nanoTime() - begin) / 1e9, node.rssMib(), node.pid());
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.kill();
        }
    }

    @Test
    @Order(1)
    void isOneNodeOfClusterBazaarOnLoopbackOnly() throws Exception {
        // when
        JsonNode health = es.get("/_cluster/health").body();
        int launcherProbe = es.get(LAUNCHER_PROBE).status();
        JsonNode http = es.get("/_nodes/_local/http").body().path("nodes").elements().next().path("http");

        // then
        assertThat(launcherProbe).as("status of the launcher's probe %s", LAUNCHER_PROBE).isEqualTo(200);
        assertThat(health.path("cluster_name").asText()).as("cluster name").isEqualTo("bazaar");
        assertThat(health.path("number_of_nodes").asInt()).as("nodes").isEqualTo(1);
        assertThat(texts(http.path("bound_address"))).as("HTTP bound addresses")
                .isNotEmpty().allMatch(address -> address.equals("127.0.0.1:" + HTTP_PORT));
    }

    @Test
    @Order(2)
    void createsAnIndexWithAnExplicitMapping() throws Exception {
        // when
        EsHttp.Response created = es.put("/" + INDEX, MAPPING);

        // then
        assertThat(created.status()).as("create index: %s", created.body()).isEqualTo(200);
        JsonNode properties = es.get("/" + INDEX + "/_mapping").body().path(INDEX).path("mappings").path("properties");
        assertThat(properties.path("name").path("type").asText()).as("name type").isEqualTo("text");
        assertThat(properties.path("name").path("analyzer").asText()).as("name analyzer").isEqualTo("standard");
        assertThat(properties.path("category").path("type").asText()).as("category type").isEqualTo("keyword");
    }

    @Test
    @Order(3)
    void bulkIndexesRussianAndEnglishDocuments() throws Exception {
        // when
        EsHttp.Response bulk = es.bulk(DOCUMENTS);
        EsHttp.Response refresh = es.post("/" + INDEX + "/_refresh");

        // then
        assertThat(bulk.status()).as("bulk status").isEqualTo(200);
        assertThat(bulk.body().path("errors").asBoolean(true)).as("bulk errors: %s", bulk.body()).isFalse();
        assertThat(bulk.body().path("items").size()).as("bulk items").isEqualTo(5);
        assertThat(refresh.status()).as("refresh: %s", refresh.body()).isEqualTo(200);
        assertThat(count()).as("documents after refresh").isEqualTo(5);
    }

    @ParameterizedTest(name = "\"{0}\" finds document {1}")
    @CsvSource({"ганетли, 1", "гантля, 1", "гантели, 1", "headphnes, 3", "кофеварки, 4"})
    @Order(4)
    void fuzzyMultiMatchFindsMisspelledWords(String query, String expectedId) throws Exception {
        // given
        String search = """
                {"query": {"multi_match": {"query": "%s", "fields": ["name^2", "description"], "fuzziness": "AUTO"}}}"""
                .formatted(query);

        // when
        EsHttp.Response response = es.post("/" + INDEX + "/_search", search);

        // then
        assertThat(response.status()).as("search status: %s", response.body()).isEqualTo(200);
        assertThat(ids(response.body())).as("ids found by '%s'", query).containsExactly(expectedId);
    }

    @Test
    @Order(5)
    void termsAggregationCountsDocumentsPerCategory() throws Exception {
        // given
        String aggregation = """
                {"size": 0, "aggs": {"categories": {"terms": {"field": "category"}}}}""";

        // when
        EsHttp.Response response = es.post("/" + INDEX + "/_search", aggregation);

        // then
        assertThat(response.status()).as("aggregation status: %s", response.body()).isEqualTo(200);
        Map<String, Integer> counts = new LinkedHashMap<>();
        response.body().path("aggregations").path("categories").path("buckets")
                .forEach(bucket -> counts.put(bucket.path("key").asText(), bucket.path("doc_count").asInt()));
        assertThat(counts).as("documents per category")
                .containsExactly(Map.entry("sport", 3), Map.entry("electronics", 1), Map.entry("kitchen", 1));
    }

    @Test
    @Order(6)
    void deletesADocumentById() throws Exception {
        // when
        EsHttp.Response deleted = es.delete("/" + INDEX + "/_doc/2");
        es.post("/" + INDEX + "/_refresh");

        // then
        assertThat(deleted.body().path("result").asText()).as("delete result: %s", deleted.body()).isEqualTo("deleted");
        assertThat(es.get("/" + INDEX + "/_doc/2").status()).as("get after delete").isEqualTo(404);
        assertThat(count()).as("documents after delete").isEqualTo(4);
    }

    @Test
    @Order(7)
    void doesNotCreateAnIndexOnFirstWrite() throws Exception {
        // when
        EsHttp.Response response = es.put("/no-such-index/_doc/1", "{\"name\": \"x\"}");

        // then
        assertThat(response.status()).as("write to a missing index: %s", response.body()).isEqualTo(404);
        assertThat(response.body().path("error").path("type").asText()).as("error type")
                .isEqualTo("index_not_found_exception");
    }

    @Test
    @Order(8)
    void stopsCleanlyOnSigterm() throws Exception {
        // given
        System.out.printf("search node: RSS %d MiB after the feature tests%n", node.rssMib());
        long begin = System.nanoTime();

        // when
        Optional<Integer> exitCode = node.terminate(STOP_TIMEOUT);

        // then
        assertThat(exitCode).as("exit code within %s of SIGTERM", STOP_TIMEOUT).isPresent();
        assertThat(exitCode.orElseThrow()).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(node.log()).as("node log").contains("search node stopped in");
        System.out.printf("search node: stopped %.1f s after SIGTERM%n", (System.nanoTime() - begin) / 1e9);
    }

    private static long count() throws IOException, InterruptedException {
        return es.get("/" + INDEX + "/_count").body().path("count").asLong(-1);
    }

    private static List<String> ids(JsonNode searchResponse) {
        return StreamSupport.stream(searchResponse.path("hits").path("hits").spliterator(), false)
                .map(hit -> hit.path("_id").asText())
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
