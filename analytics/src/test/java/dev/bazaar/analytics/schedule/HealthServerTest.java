package dev.bazaar.analytics.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.analytics.RunSummary;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's status over HTTPS, served for real on an ephemeral loopback port: who sees how much. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant STARTED = Instant.parse("2026-11-23T12:05:00Z");

    @TempDir
    static Path var;

    private final AtomicReference<SchedulerStatus> status = new AtomicReference<>();
    private RuntimeLayout layout;
    private SecureHttpServer server;
    private HttpClient http;

    @BeforeAll
    void start() {
        layout = IssuedTls.issue(var, HealthServer.SERVICE);
        server = HealthServer.start(layout, 0, status::get);
        http = PlatformTls.httpClient(layout);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void healthAnswersOpsWithTheLastRunWhateverItsOutcome() throws Exception {
        // given a scheduler whose last run failed
        LastRun failed = LastRun.failed(STARTED, STARTED.plusSeconds(12), 1,
                "HDFS at hdfs://127.0.0.1:9020 does not answer", null);
        status.set(new SchedulerStatus("UP", "PT5M", 3, 1, false, "2026-11-23T12:10:00Z", failed));

        // when
        HttpResponse<String> response = get("/health", HttpUser.OPS);

        // then
        assertThat(response.statusCode()).as("status code").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as("content type").contains("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("runs").asLong()).as("runs").isEqualTo(3);
        assertThat(body.path("failures").asLong()).as("failures").isEqualTo(1);
        assertThat(body.path("nextRunAt").asText()).as("next run").isEqualTo("2026-11-23T12:10:00Z");
        assertThat(body.path("lastRun").path("outcome").asText()).as("last outcome").isEqualTo("failed");
        assertThat(body.path("lastRun").path("error").asText()).as("last error").contains("hdfs://127.0.0.1:9020");
        assertThat(body.path("lastRun").path("seconds").asDouble()).as("last duration").isEqualTo(12.0);
    }

    @Test
    void healthCarriesTheCountsOfASuccessfulRunToAdmin() throws Exception {
        // given
        RunSummary summary = new RunSummary("succeeded", "2026-11-23T12:05:00Z", "2026-11-23T12:05:14Z", 14.0,
                "hdfs://127.0.0.1:9020/data/orders", 3, 30, 1, 25, 2, 20, 5, 12, 600, 5, 1, "sales-20261123T120500Z", null);
        status.set(new SchedulerStatus("UP", "PT5M", 1, 0, false, "2026-11-23T12:10:00Z",
                LastRun.succeeded(STARTED, STARTED.plusSeconds(14), 0, summary)));

        // when
        JsonNode body = JSON.readTree(get("/health", HttpUser.ADMIN).body());

        // then
        JsonNode counts = body.path("lastRun").path("summary");
        assertThat(counts.path("ordersRead").asLong()).as("orders read").isEqualTo(25);
        assertThat(counts.path("customers").asLong()).as("customers").isEqualTo(5);
        assertThat(counts.path("products").asLong()).as("products").isEqualTo(12);
        assertThat(counts.path("recommendationsPublished").asLong()).as("recommendations").isEqualTo(5);
        assertThat(counts.path("reportId").asText()).as("report").isEqualTo("sales-20261123T120500Z");
    }

    @Test
    void anAnonymousHealthCheckLearnsThatTheSchedulerIsUpAndNothingElse() throws Exception {
        // given a failed last run, whose error names an address
        status.set(new SchedulerStatus("UP", "PT5M", 3, 1, false, "2026-11-23T12:10:00Z",
                LastRun.failed(STARTED, STARTED.plusSeconds(12), 1, "HDFS at hdfs://127.0.0.1:9020 does not answer", null)));

        // when
        HttpResponse<String> response = get("/health", null);

        // then
        assertThat(response.statusCode()).as("status code").isEqualTo(200);
        assertThat(response.body()).as("body").isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void onlyGetOfHealthIsServed() throws Exception {
        status.set(new SchedulerStatus("UP", "PT5M", 0, 0, false, null, null));

        HttpResponse<String> other = get("/healthz", HttpUser.OPS);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/health")).timeout(TIMEOUT)
                .header("Authorization", HttpUser.OPS.basic(layout)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(other.statusCode()).as("another path").isEqualTo(404);
        assertThat(post.statusCode()).as("POST").isEqualTo(405);
        assertThat(get("/health", HttpUser.METRICS).statusCode()).as("Prometheus' credential").isEqualTo(403);
    }

    @Test
    void theRouteTableIsHealthForAnyoneWithTheDetailForOpsAndAdmin() {
        List<Route> routes = HealthServer.routes(status::get).routes();

        assertThat(routes).as("routes").extracting(Route::toString).containsExactly("GET /health");
        assertThat(routes.getFirst().access()).as("access")
                .isEqualTo(Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN));
    }

    @Test
    void everyRouteRefusesEveryoneItDoesNotNameUnderEveryTrickOfItsPath() throws Exception {
        // given the probes generated from the server's own route table
        status.set(new SchedulerStatus("UP", "PT5M", 0, 0, false, "2026-11-23T12:10:00Z", null));
        List<RouteAudit.Probe> probes = RouteAudit.probes(server.routes(), layout, "x");

        // when
        List<RouteAudit.Outcome> outcomes = RouteAudit.run(http, "https://127.0.0.1:" + server.port(), probes);

        // then
        System.out.printf("route audit of analytics: %d routes, %d probes (%d refusals)%n", server.routes().size(),
                probes.size(), probes.stream().filter(probe -> probe.expected() != RouteAudit.HANDLED).count());
        assertThat(outcomes).as("outcomes not as expected").filteredOn(outcome -> !outcome.asExpected()).isEmpty();
        assertThat(server.routes()).as("the anonymous allow-list").filteredOn(route -> route.access().anonymous())
                .extracting(Route::toString).containsExactly("GET /health");
        assertThat(outcomes).as("anonymous answers").filteredOn(outcome -> outcome.probe().expected() == RouteAudit.HANDLED
                && outcome.probe().authorization().isEmpty()).extracting(RouteAudit.Outcome::body)
                .containsExactly("{\"status\":\"UP\"}");
    }

    private HttpResponse<String> get(String path, HttpUser user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (user != null) {
            request.header("Authorization", user.basic(layout));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }
}
