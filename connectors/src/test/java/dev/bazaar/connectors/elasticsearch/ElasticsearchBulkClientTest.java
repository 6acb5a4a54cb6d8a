package dev.bazaar.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client's translation to and from Elasticsearch's HTTP API: actions to the bulk NDJSON
 * body, bulk item answers to {@link ItemResult}s, failures to retriable or fatal exceptions. The
 * server here only replays answers in Elasticsearch's documented wire format and records what it
 * was sent; how Elasticsearch itself treats the documents is for the integration test on a real node.
 */
class ElasticsearchBulkClientTest {

    private static final String BULK_ANSWER = """
            {"errors":true,"took":3,"items":[
             {"index":{"_index":"items","_id":"a","_version":1,"result":"created","status":201,
               "_shards":{"total":2,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1}},
             {"index":{"_index":"items","_id":"b","status":400,"error":{"type":"document_parsing_exception",
               "reason":"[1:11] failed to parse field [stock] of type [long] in document with id 'b'"}}},
             {"delete":{"_index":"items","_id":"c","_version":1,"result":"not_found","status":404,
               "_shards":{"total":2,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1}},
             {"index":{"_index":"items","_id":"d","status":429,"error":{"type":"es_rejected_execution_exception",
               "reason":"rejected execution of coordinating operation"}}}]}""";
    private static final String ERROR_429 = """
            {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected"}],
             "type":"es_rejected_execution_exception","reason":"rejected"},"status":429}""";
    private static final String ERROR_401 = """
            {"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate"}],
             "type":"security_exception","reason":"unable to authenticate"},"status":401}""";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private record Answer(int status, String body) {
    }

    private record Request(String method, String path, String authorization, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void actionsGoOutAsBulkLinesAndItemAnswersComeBackInOrder() throws Exception {
        // given
        answers.add(new Answer(200, BULK_ANSWER));
        List<DocumentAction> actions = List.of(index("a", 1), index("b", 2), new DocumentAction.Delete("items", "c"),
                index("d", 4));

        // when
        List<ItemResult> results;
        try (ElasticsearchBulkClient client = client()) {
            results = client.bulk(actions);
        }

        // then
        assertThat(requests).as("requests").singleElement().satisfies(request -> {
            assertThat(request.method() + " " + request.path()).as("endpoint").isEqualTo("POST /_bulk");
            assertThat(lines(request.body())).as("bulk body").containsExactly(
                    json("{\"index\":{\"_id\":\"a\",\"_index\":\"items\"}}"), json("{\"productId\":\"a\",\"stock\":1}"),
                    json("{\"index\":{\"_id\":\"b\",\"_index\":\"items\"}}"), json("{\"productId\":\"b\",\"stock\":2}"),
                    json("{\"delete\":{\"_id\":\"c\",\"_index\":\"items\"}}"),
                    json("{\"index\":{\"_id\":\"d\",\"_index\":\"items\"}}"), json("{\"productId\":\"d\",\"stock\":4}"));
        });
        assertThat(results).as("results").containsExactly(
                ItemResult.success(201),
                ItemResult.failure(400, "document_parsing_exception",
                        "[1:11] failed to parse field [stock] of type [long] in document with id 'b'"),
                ItemResult.success(404),
                ItemResult.failure(429, "es_rejected_execution_exception",
                        "rejected execution of coordinating operation"));
    }

    @Test
    void aRejectedRequestIsRetriableAndARefusedOneIsNot() {
        // given
        answers.add(new Answer(429, ERROR_429));
        answers.add(new Answer(401, ERROR_401));

        // when / then
        try (ElasticsearchBulkClient client = client()) {
            assertThatThrownBy(() -> client.bulk(List.of(index("a", 1)))).as("429")
                    .isInstanceOfSatisfying(BulkRequestException.class, e ->
                            assertThat(e.retriable()).as("retriable: %s after %s", e, requests).isTrue());
            assertThatThrownBy(() -> client.bulk(List.of(index("a", 1)))).as("401")
                    .isInstanceOfSatisfying(BulkRequestException.class, e -> {
                        assertThat(e.retriable()).as("retriable").isFalse();
                        assertThat(e).hasMessageContaining("401");
                    });
        }
    }

    @Test
    void aNodeThatCannotBeReachedIsRetriable() throws IOException {
        // given: a loopback port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(
                Map.of(ElasticsearchSinkConfig.URLS, "http://127.0.0.1:" + port));

        // when / then
        try (ElasticsearchBulkClient client = ElasticsearchBulkClient.create(config)) {
            assertThatThrownBy(() -> client.bulk(List.of(index("a", 1))))
                    .isInstanceOfSatisfying(BulkRequestException.class, e ->
                            assertThat(e.retriable()).as("retriable").isTrue());
        }
    }

    @Test
    void aMissingIndexIsCreatedWithTheMappingAndAnExistingOneIsLeftAlone() throws Exception {
        // given
        answers.add(new Answer(404, ""));
        answers.add(new Answer(200, "{\"acknowledged\":true,\"shards_acknowledged\":true,\"index\":\"items\"}"));
        answers.add(new Answer(200, ""));

        // when
        boolean createdFirst;
        boolean createdSecond;
        try (ElasticsearchBulkClient client = client()) {
            createdFirst = client.createIndexIfMissing("items", IndexMappings.items());
            createdSecond = client.createIndexIfMissing("items", IndexMappings.items());
        }

        // then
        assertThat(createdFirst).as("created when missing").isTrue();
        assertThat(createdSecond).as("created when present").isFalse();
        assertThat(requests).as("requests").extracting(request -> request.method() + " " + request.path())
                .containsExactly("HEAD /items", "PUT /items", "HEAD /items");
        assertThat(json(requests.get(1).body()).get("mappings")).as("mapping sent")
                .isEqualTo(json(IndexMappings.items()));
    }

    @Test
    void credentialsGoInABasicAuthorizationHeader() throws Exception {
        // given
        answers.add(new Answer(200, "{\"errors\":false,\"took\":1,\"items\":[{\"delete\":{\"_index\":\"items\","
                + "\"_id\":\"a\",\"status\":200,\"result\":\"deleted\"}}]}"));
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(Map.of(ElasticsearchSinkConfig.URLS, url(),
                ElasticsearchSinkConfig.USERNAME, "connect", ElasticsearchSinkConfig.PASSWORD, "s3cret"));

        // when
        try (ElasticsearchBulkClient client = ElasticsearchBulkClient.create(config)) {
            client.bulk(List.of(new DocumentAction.Delete("items", "a")));
        }

        // then
        assertThat(requests).as("requests").singleElement().extracting(Request::authorization)
                .isEqualTo("Basic Y29ubmVjdDpzM2NyZXQ=");
    }

    private ElasticsearchBulkClient client() {
        return ElasticsearchBulkClient.create(new ElasticsearchSinkConfig(Map.of(ElasticsearchSinkConfig.URLS, url())));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private DocumentAction index(String id, int stock) {
        return new DocumentAction.Index("items", id, JsonSource.checked(
                mapper.createObjectNode().put("productId", id).put("stock", stock).toString().getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private List<JsonNode> lines(String ndjson) {
        return ndjson.lines().filter(line -> !line.isBlank()).map(this::json).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = answers.isEmpty() ? new Answer(500, "{\"error\":\"no canned answer\",\"status\":500}")
                : answers.removeFirst();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9");
        boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
