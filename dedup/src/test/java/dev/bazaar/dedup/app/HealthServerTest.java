package dev.bazaar.dedup.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup app's HTTPS edge with its own route table, served for real on an ephemeral loopback port in
 * front of a status the test sets: who may call what, when it is up, what Prometheus gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path var;

    private final FakeStatus status = new FakeStatus();
    private final Metrics clientMetrics = new Metrics();
    private RuntimeLayout layout;
    private SecureHttpServer server;
    private HttpClient http;

    @BeforeAll
    void start() {
        layout = IssuedTls.issue(var, HealthServer.SERVICE);
        server = HealthServer.routes(status).start(layout, 0);
        http = PlatformTls.httpClient(layout);
    }

    @AfterAll
    void stop() {
        server.close();
        clientMetrics.close();
    }

    @Test
    void theRouteTableNamesWhoMayCallWhat() {
        List<Route> routes = HealthServer.routes(status).routes();

        assertThat(routes).as("routes").extracting(Route::toString).containsExactly("GET /health", "GET /prometheus");
        assertThat(routes).as("access").extracting(Route::access).containsExactly(
                Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS),
                Access.users(HttpUser.METRICS, HttpUser.ADMIN));
    }

    @Test
    void upOnceRunningAndThroughLaterRebalancesButNotBefore() {
        assertThat(HealthServer.up(KafkaStreams.State.CREATED, false)).as("created").isFalse();
        assertThat(HealthServer.up(KafkaStreams.State.REBALANCING, false)).as("first rebalance, restoring").isFalse();
        assertThat(HealthServer.up(KafkaStreams.State.RUNNING, true)).as("running").isTrue();
        assertThat(HealthServer.up(KafkaStreams.State.REBALANCING, true)).as("a second instance joins").isTrue();
        assertThat(HealthServer.up(KafkaStreams.State.PENDING_SHUTDOWN, true)).as("stopping").isFalse();
        assertThat(HealthServer.up(KafkaStreams.State.ERROR, true)).as("failed").isFalse();
    }

    @Test
    void anAnonymousHealthCheckGetsTheStatusOnlyAndAPlatformUserTheStreamsStateToo() throws Exception {
        // given an app that has not reached RUNNING yet
        status.state = KafkaStreams.State.REBALANCING;
        status.hasRun = false;
        HttpResponse<String> before = get("/health", null);
        assertThat(before.statusCode()).as("restoring: not ready").isEqualTo(503);
        assertThat(before.body()).as("anonymous body").isEqualTo("{\"status\":\"DOWN\"}");

        // when it runs
        status.state = KafkaStreams.State.RUNNING;
        status.hasRun = true;

        // then
        assertThat(get("/health", null).statusCode()).as("running: ready").isEqualTo(200);
        assertThat(JSON.readTree(get("/health", HttpUser.OPS).body()).path("streams").asText()).as("state for ops")
                .isEqualTo("RUNNING");
    }

    @Test
    void prometheusGetsTheCountersGaugesAndClientMetricsWithItsOwnCredential() throws Exception {
        // given
        status.counters.put("dedup_unique_total", 5L);
        status.gauges.put("dedup_lag_records", 3.0);
        MetricName lag = clientMetrics.metricName("records-lag", "consumer-fetch-manager-metrics",
                Map.of("topic", "raw", "partition", "0", "client-id", "c\"1"));
        clientMetrics.addMetric(lag, (Gauge<Double>) (config, now) -> 7.0);

        // when
        HttpResponse<String> scrape = get("/prometheus", HttpUser.METRICS);

        // then
        assertThat(scrape.statusCode()).as("status").isEqualTo(200);
        assertThat(scrape.body()).as("body").contains("# TYPE dedup_unique_total counter\ndedup_unique_total 5\n",
                "# TYPE dedup_lag_records gauge\ndedup_lag_records 3.0\n",
                "kafka_streams_consumer_fetch_manager_metrics_records_lag{client_id=\"c\\\"1\",partition=\"0\",topic=\"raw\"} 7.0\n");
        assertThat(get("/prometheus", HttpUser.OPS).statusCode()).as("ops").isEqualTo(403);
        assertThat(get("/prometheus", null).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void everyRouteRefusesEveryoneItDoesNotNameUnderEveryTrickOfItsPath() throws Exception {
        // given the probes generated from the server's own route table
        List<RouteAudit.Probe> probes = RouteAudit.probes(server.routes(), layout, "x");

        // when
        List<RouteAudit.Outcome> outcomes = RouteAudit.run(http, "https://127.0.0.1:" + server.port(), probes);

        // then
        assertThat(outcomes).as("outcomes not as expected").filteredOn(outcome -> !outcome.asExpected()).isEmpty();
    }

    private HttpResponse<String> get(String path, HttpUser user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT);
        if (user != null) {
            request.header("Authorization", user.basic(layout));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A status the test sets. */
    private final class FakeStatus implements DedupStatus {

        volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
        volatile boolean hasRun;
        final Map<String, Long> counters = new LinkedHashMap<>();
        final Map<String, Double> gauges = new LinkedHashMap<>();

        @Override
        public KafkaStreams.State state() {
            return state;
        }

        @Override
        public boolean hasRun() {
            return hasRun;
        }

        @Override
        public Map<String, Long> counters() {
            return counters;
        }

        @Override
        public Map<String, Double> gauges() {
            return gauges;
        }

        @Override
        public Map<MetricName, ? extends Metric> clientMetrics() {
            return clientMetrics.metrics();
        }
    }
}
