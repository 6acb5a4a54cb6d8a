package dev.bazaar.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.Route;
import dev.bazaar.common.http.RouteAudit;
import dev.bazaar.common.http.SecureHttpServer;
import dev.bazaar.platform.it.IssuedTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * stream-filter's HTTPS edge with its own route table, served for real on an ephemeral loopback port
 * in front of a Streams client that is built but never started (no broker needed: its stores are
 * not queryable, its state is {@code CREATED}, its metrics exist).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PRODUCT = "p-00001";

    @TempDir
    static Path var;

    private RuntimeLayout layout;
    private KafkaStreams streams;
    private SecureHttpServer server;
    private HttpClient http;

    @BeforeAll
    void start() {
        layout = IssuedTls.issue(var, HealthServer.SERVICE);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "health-server-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, var.resolve("state").toString());
        FilterMetrics metrics = new FilterMetrics();
        streams = new KafkaStreams(FilterTopology.build(3, metrics), config);
        server = HealthServer.start(layout, 0, streams, metrics);
        http = PlatformTls.httpClient(layout);
    }

    @AfterAll
    void stop() {
        server.close();
        streams.close(TIMEOUT);
    }

    @Test
    void theRouteTableNamesWhoMayCallWhat() {
        List<Route> routes = HealthServer.routes(null, null).routes();

        assertThat(routes).as("routes").extracting(Route::toString)
                .containsExactly("GET /health", "GET /products/{id}", "GET /prometheus");
        assertThat(routes).as("access").extracting(Route::access).containsExactly(
                Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS),
                Access.users(HttpUser.OPS, HttpUser.ADMIN),
                Access.users(HttpUser.METRICS, HttpUser.ADMIN));
        assertThat(routes).as("the anonymous allow-list").filteredOn(route -> route.access().anonymous())
                .extracting(Route::toString).containsExactly("GET /health");
    }

    @Test
    void anAnonymousHealthCheckGetsTheStatusOnly() throws Exception {
        HttpResponse<String> response = get("/health", null);

        assertThat(response.statusCode()).as("not started: down").isEqualTo(503);
        assertThat(response.body()).as("body").isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void aPlatformUserGetsTheStreamsStateToo() throws Exception {
        for (HttpUser user : List.of(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS)) {
            JsonNode body = JSON.readTree(get("/health", user).body());

            assertThat(body.path("status").asText()).as("status for %s", user.name()).isEqualTo("DOWN");
            assertThat(body.path("streams").asText()).as("Streams state for %s", user.name()).isEqualTo("CREATED");
        }
    }

    @Test
    void productsAnswerOpsAndAdminAsTheReadmeSays() throws Exception {
        HttpResponse<String> notQueryable = get("/products/" + PRODUCT, HttpUser.OPS);
        HttpResponse<String> malformed = get("/products/ab", HttpUser.ADMIN);

        assertThat(notQueryable.statusCode()).as("stores not queryable").isEqualTo(503);
        assertThat(JSON.readTree(notQueryable.body()).path("error").asText()).as("why").contains("not queryable");
        assertThat(malformed.statusCode()).as("too short an id").isEqualTo(400);
        assertThat(get("/products/" + PRODUCT, HttpUser.METRICS).statusCode()).as("prometheus").isEqualTo(403);
        assertThat(get("/products/" + PRODUCT, null).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void prometheusScrapesTheCountersWithItsOwnCredential() throws Exception {
        HttpResponse<String> scrape = get("/prometheus", HttpUser.METRICS);

        assertThat(scrape.statusCode()).as("status").isEqualTo(200);
        assertThat(scrape.body()).as("counters").contains("stream_filter_records_in_total 0");
        assertThat(get("/prometheus", HttpUser.OPS).statusCode()).as("ops").isEqualTo(403);
        assertThat(get("/prometheus", null).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void everyRouteRefusesEveryoneItDoesNotNameUnderEveryTrickOfItsPath() throws Exception {
        // given the probes generated from the server's own route table
        List<RouteAudit.Probe> probes = RouteAudit.probes(server.routes(), layout, PRODUCT);

        // when
        List<RouteAudit.Outcome> outcomes = RouteAudit.run(http, "https://127.0.0.1:" + server.port(), probes);

        // then
        System.out.printf("route audit of stream-filter: %d routes, %d probes (%d refusals)%n", server.routes().size(),
                probes.size(), probes.stream().filter(probe -> probe.expected() != RouteAudit.HANDLED).count());
        assertThat(outcomes).as("outcomes not as expected").filteredOn(outcome -> !outcome.asExpected()).isEmpty();
        assertThat(outcomes).as("anonymous answers").filteredOn(outcome -> outcome.probe().expected() == RouteAudit.HANDLED
                && outcome.probe().authorization().isEmpty()).extracting(RouteAudit.Outcome::body)
                .containsExactly("{\"status\":\"DOWN\"}");
    }

    private HttpResponse<String> get(String path, HttpUser user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT);
        if (user != null) {
            request.header("Authorization", user.basic(layout));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
