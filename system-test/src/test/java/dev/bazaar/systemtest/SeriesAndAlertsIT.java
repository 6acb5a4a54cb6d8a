package dev.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.ExampleRecords;
import dev.bazaar.platform.monitoring.DashboardQueries;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Monitoring of the whole platform as {@code bazaar up} runs it, with records flowing: Prometheus
 * scrapes every component, every Grafana panel's query returns data, the alert rules are loaded. (A
 * broker taken down with {@code bazaar stop} is an alert on the console's {@code /alerts} within its
 * rule's {@code for} + 30 s: the console's browser test; the rules' firing and resolving: promtool's.)
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeriesAndAlertsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SCRAPED = Duration.ofSeconds(90);

    private HttpClient http;
    private Running platform;
    private String prometheus;
    private String alertmanager;

    @BeforeAll
    void givenRecordsFlowThroughEveryPipeline(Running platform) throws Exception {
        this.platform = platform;
        this.http = PlatformTls.httpClient(platform.layout());
        this.prometheus = platform.platform().monitoring().prometheusUrl();
        this.alertmanager = platform.platform().monitoring().alertmanagerUrl();
        String shop = platform.platform().endpoints().serviceUrl("shop-api").orElseThrow();
        ArrayNode items = JSON.createArrayNode();
        IntStream.range(0, 50).forEach(n -> items.add(ExampleRecords.item("monitoring-" + n, 100 + n)));
        ArrayNode orders = JSON.createArrayNode();
        IntStream.range(0, 20).forEach(n -> orders.add(ExampleRecords.order("monitoring-order-" + n, "Alice")));
        post(shop + "/items", items, ShopApiCredentials.basic(platform.layout()));
        post(shop + "/orders", orders, ShopApiCredentials.basic(platform.layout()));
        // product events, one of them twice: through dedup and the PostgreSQL sink, so their panels have series
        String events = platform.platform().endpoints().serviceUrl("events-api").orElseThrow();
        ArrayNode batch = JSON.createArrayNode();
        IntStream.range(0, 20).forEach(n -> batch.add(productEvent("monitoring-client-" + n)));
        batch.add(productEvent("monitoring-client-0"));
        post(events + "/events?kind=product_events", batch, EventsApiCredentials.basic(platform.layout()));
    }

    private static ObjectNode productEvent(String client) {
        return JSON.createObjectNode().put("event_name", "app_list").put("event_datetime", "2026-12-07T10:00:00.000Z")
                .put("client_id", client).put("product_id", "monitoring-product").put("sid", "monitoring-session")
                .put("platform", "android").put("price", 499);
    }

    @Test
    @Order(1)
    void prometheusScrapesEveryComponent() {
        // the jobs the platform's components declare targets for, so a component added later is checked too
        Set<String> expectedJobs = platform.platform().scrapeTargets().stream().map(ScrapeTarget::job)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(expectedJobs).as("jobs of the catalog").contains("kafka-broker", "client-api", "prometheus");
        await("every scrape target up").atMost(SCRAPED).untilAsserted(() -> {
            JsonNode targets = get(prometheus + "/api/v1/targets?state=active").path("data").path("activeTargets");
            List<String> down = new ArrayList<>();
            Set<String> jobs = new TreeSet<>();
            targets.forEach(target -> {
                jobs.add(target.path("labels").path("job").asText());
                if (!"up".equals(target.path("health").asText())) {
                    down.add(target.path("scrapeUrl").asText() + " " + target.path("lastError").asText());
                }
            });
            assertThat(down).as("targets not up").isEmpty();
            assertThat(jobs).as("jobs Prometheus scrapes").isEqualTo(expectedJobs);
        });
    }

    @Test
    @Order(2)
    void everyMetricsEndpointAndControlPlaneRefusesCallersWithoutTheirCredential() throws Exception {
        // given every endpoint Prometheus scrapes (as it reports them), plus Connect's REST API and both UIs
        Set<String> urls = new TreeSet<>();
        get(prometheus + "/api/v1/targets?state=active").path("data").path("activeTargets")
                .forEach(target -> urls.add(target.path("scrapeUrl").asText()));
        urls.add(platform.platform().connect().url() + "/connectors");
        urls.add(prometheus + "/api/v1/query?query=up");
        urls.add(alertmanager + "/api/v2/silences");
        assertThat(urls).as("endpoints").hasSizeGreaterThan(10);
        String wrong = HttpUser.METRICS.name() + ":not-the-password";

        for (String url : urls) {
            // when each is called without credentials and with a wrong password
            int anonymous = status(url, null);
            int wrongPassword = status(url, "Basic " + Base64.getEncoder()
                    .encodeToString(wrong.getBytes(StandardCharsets.UTF_8)));

            // then each refuses both, over HTTPS only (plain HTTP to the same port is not served)
            assertThat(url).as("scheme").startsWith("https://");
            assertThat(anonymous).as("GET %s without credentials", url).isEqualTo(401);
            assertThat(wrongPassword).as("GET %s with a wrong password", url).isEqualTo(401);
            assertThat(plainHttpServed(url)).as("plain HTTP served at %s", url).isFalse();
        }
    }

    @Test
    @Order(2)
    void prometheusLifecycleAndAdminApisAreOffEvenForAdmin() throws Exception {
        String admin = HttpUser.ADMIN.basic(platform.layout());
        for (String path : List.of("/-/reload", "/-/quit", "/api/v1/admin/tsdb/snapshot",
                "/api/v1/admin/tsdb/delete_series?match[]=up")) {
            // when admin asks Prometheus to reload, quit or change its data over HTTP
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(prometheus + path))
                    .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            // then it refuses: those APIs are not enabled (up reloads with SIGHUP)
            assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isGreaterThanOrEqualTo(400);
        }
        assertThat(get(prometheus + "/api/v1/query?query=up").path("status").asText()).as("Prometheus still answers")
                .isEqualTo("success");
    }

    @Test
    @Order(2)
    void everyAlertRuleIsLoaded() throws Exception {
        Set<String> alerts = new TreeSet<>();
        get(prometheus + "/api/v1/rules?type=alert").path("data").path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> alerts.add(rule.path("name").asText())));
        assertThat(alerts).contains("BrokerDown", "NoActiveController", "OfflinePartitions",
                "UnderReplicatedPartitions", "UnderMinIsr", "ConsumerGroupLagHigh", "MirrorReplicationLagHigh",
                "ConnectorOrTaskFailed", "DeadLetterRecords", "ServiceDown", "CertificateExpiresSoon",
                "ProductEventsBehind", "ConsumerGroupBehind");
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> everyDashboardPanelQueryReturnsASeries() {
        Path dashboards = Path.of(System.getProperty("bazaar.home", "..")).resolve("grafana/dashboards");
        return DashboardQueries.load(dashboards).stream().map(query -> DynamicTest.dynamicTest(query.toString(),
                () -> await(query.toString()).atMost(SCRAPED).untilAsserted(() -> assertThat(
                        get(prometheus + "/api/v1/query?query=" + URLEncoder.encode(query.expr(), StandardCharsets.UTF_8))
                                .path("data").path("result")).as("series").isNotEmpty())));
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", HttpUser.ADMIN.basic(platform.layout())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether the port of {@code httpsUrl} answers a plain HTTP request with a 2xx. */
    private boolean plainHttpServed(String httpsUrl) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(httpsUrl.replaceFirst("^https:", "http:")))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", HttpUser.ADMIN.basic(platform.layout()))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException refused) {
            return false;
        }
    }

    private void post(String url, JsonNode body, String authorization) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(202);
    }
}
