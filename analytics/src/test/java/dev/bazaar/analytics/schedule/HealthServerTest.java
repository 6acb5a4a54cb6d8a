package dev.bazaar.analytics.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.analytics.RunSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAnswersWithTheLastRunWhateverItsOutcome() throws Exception {
        // given a scheduler whose last run failed
        Instant started = Instant.parse("2026-11-23T12:05:00Z");
        LastRun failed = LastRun.failed(started, started.plusSeconds(12), 1,
                "HDFS at hdfs://127.0.0.1:9020 does not answer", null);
        SchedulerStatus status = new SchedulerStatus("UP", "PT5M", 3, 1, false, "2026-11-23T12:10:00Z", failed);

        try (HealthServer server = HealthServer.start(0, () -> status)) {
            // when
            HttpResponse<String> response = get(server, "/health");

            // then
            assertThat(response.statusCode()).as("status code").isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as("content type").contains("application/json");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("runs").asLong()).as("runs").isEqualTo(3);
            assertThat(body.path("failures").asLong()).as("failures").isEqualTo(1);
            assertThat(body.path("lastRun").path("outcome").asText()).as("last outcome").isEqualTo("failed");
            assertThat(body.path("lastRun").path("error").asText()).as("last error").contains("hdfs://127.0.0.1:9020");
            assertThat(body.path("lastRun").path("seconds").asDouble()).as("last duration").isEqualTo(12.0);
        }
    }

    @Test
    void healthCarriesTheCountsOfASuccessfulRun() throws Exception {
        // given
        Instant started = Instant.parse("2026-11-23T12:05:00Z");
        RunSummary summary = new RunSummary("succeeded", "2026-11-23T12:05:00Z", "2026-11-23T12:05:14Z", 14.0,
                "hdfs://127.0.0.1:9020/data/orders", 3, 30, 1, 25, 2, 20, 5, 12, 600, 5, 1, "sales-20261123T120500Z", null);
        SchedulerStatus status = new SchedulerStatus("UP", "PT5M", 1, 0, false, "2026-11-23T12:10:00Z",
                LastRun.succeeded(started, started.plusSeconds(14), 0, summary));

        try (HealthServer server = HealthServer.start(0, () -> status)) {
            // when
            JsonNode body = JSON.readTree(get(server, "/health").body());

            // then
            JsonNode counts = body.path("lastRun").path("summary");
            assertThat(counts.path("ordersRead").asLong()).as("orders read").isEqualTo(25);
            assertThat(counts.path("customers").asLong()).as("customers").isEqualTo(5);
            assertThat(counts.path("products").asLong()).as("products").isEqualTo(12);
            assertThat(counts.path("recommendationsPublished").asLong()).as("recommendations").isEqualTo(5);
            assertThat(counts.path("reportId").asText()).as("report").isEqualTo("sales-20261123T120500Z");
        }
    }

    @Test
    void onlyGetOfHealthIsServed() throws Exception {
        try (HealthServer server = HealthServer.start(0, () -> null)) {
            // when
            HttpResponse<String> other = get(server, "/healthz");
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(server, "/health"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(other.statusCode()).as("another path").isEqualTo(404);
            assertThat(post.statusCode()).as("POST").isEqualTo(405);
        }
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(server, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(HealthServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
