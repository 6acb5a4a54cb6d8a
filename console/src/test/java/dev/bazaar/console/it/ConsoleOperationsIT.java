package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.AlertNotifications;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console's operations pages against the real platform: consumer groups with their lag (live as
 * the user, over time from the lag exporter through Prometheus), the offset reset behind the role table
 * and a confirmation; alerts from Alertmanager, silenced and expired by ops, delivered back by webhook;
 * the Grafana dashboards drawn from their JSON with Prometheus' data.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOperationsIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TOPIC = "console-ops-" + RUN;
    private static final String GROUP = "console-ops-group-" + RUN;
    /** The exporter polls every 5 s in the tests' platform (15 s as deployed), Prometheus scrapes every 5 s. */
    private static final Duration CHARTED = Duration.ofSeconds(90);
    /** Prometheus scrapes the blackbox TLS probes every 60 s (10 s timeout); a loaded machine. */
    private static final Duration PROBED = Duration.ofSeconds(150);

    @Inject
    EmbeddedServer server;

    private Running platform;
    private RuntimeLayout layout;

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        layout = platform.layout();
        return Map.of("console.var-dir", layout.root().toString(), "micronaut.server.ssl.port", "-1");
    }

    @BeforeAll
    void aGroupHalfWayThroughATopic() throws Exception {
        Properties admin = platform.client(Cluster.MAIN, "admin", new Properties());
        try (Admin kafka = Admin.create(admin);
                KafkaProducer<String, String> producer = new KafkaProducer<>(admin, new StringSerializer(),
                        new StringSerializer())) {
            kafka.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 3))).all().get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(TOPIC, i % 2, "k" + i, "v" + i));
            }
            producer.flush();
            kafka.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(20),
                    new TopicPartition(TOPIC, 1), new OffsetAndMetadata(50))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aGroupsLagIsShownPerPartitionInRecordsAndOverTimeButOnlyToWhoMayDescribeIt() throws Exception {
        // given admin signed in
        ConsoleBrowser admin = signedIn("admin");

        // when admin opens the groups and the group
        HttpResponse<String> list = admin.get("/groups");
        HttpResponse<String> page = admin.get("/groups/" + GROUP);

        // then the group is listed with its 30 records of lag, and its page has each partition's
        assertThat(list.body()).contains(">" + GROUP + "</a>");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<td>" + TOPIC + "</td><td>0</td><td class=\"num\">20</td><td class=\"num\">50"
                + "</td><td class=\"num lag\">30</td>", "<td class=\"num lag\">0</td>", "State <b id=\"state\">Empty</b>",
                "data-src=\"/groups/" + GROUP + "/lag.json?range=1h&amp;unit=seconds\"");
        // and the chart's data come from the lag exporter through Prometheus: 30 records on the topic
        JsonNode chart = await("the group's lag charted").atMost(CHARTED).pollInterval(Duration.ofSeconds(2))
                .until(() -> JSON.readTree(admin.get("/groups/" + GROUP + "/lag.json?range=15m&unit=records").body()),
                        json -> lastValue(json).isPresent());
        assertThat(chart.path("series").get(0).path("label").asText()).isEqualTo(TOPIC);
        assertThat(lastValue(chart)).hasValue(30.0);

        // and client, who may not describe the group, sees neither it nor its chart, and is told the missing ACL
        ConsoleBrowser client = signedIn("client");
        HttpResponse<String> refused = client.get("/groups/" + GROUP);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("User:client DESCRIBE on group " + GROUP).doesNotContain("id=\"partitions\"");
        HttpResponse<String> noChart = client.get("/groups/" + GROUP + "/lag.json");
        assertThat(noChart.statusCode()).isEqualTo(403);
        assertThat(noChart.body()).doesNotContain("\"series\"");
        assertThat(client.get("/groups").body()).doesNotContain(GROUP);
    }

    @Test
    void anOffsetResetIsPreviewedThenConfirmedByAdminAndRefusedToOpsByTheRoleTable() throws Exception {
        // given admin and ops signed in
        ConsoleBrowser admin = signedIn("admin");
        ConsoleBrowser ops = signedIn("ops");

        // when ops asks for a reset, then the role table refuses it, naming the file
        HttpResponse<String> refused = ops.post("/groups/" + GROUP + "/reset", Map.of("topic", TOPIC, "to", "earliest"),
                ops.csrf());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("principal ops may not reset a group&#39;s offsets",
                "console-roles.yaml (setup/) allows group.reset-offsets to admin only");

        // when admin previews a reset of the topic to offset 10
        String csrf = admin.csrf();
        HttpResponse<String> preview = admin.post("/groups/" + GROUP + "/reset", Map.of("topic", TOPIC, "to", "offset",
                "value", "10"), csrf);
        // then nothing changed yet, and the page shows what would be set
        assertThat(preview.body()).contains("id=\"preview\"", "Confirm reset");
        assertThat(committed().get(new TopicPartition(TOPIC, 0))).isEqualTo(20);

        // when admin confirms, then the group is at 10 on both partitions
        HttpResponse<String> done = admin.post("/groups/" + GROUP + "/reset", Map.of("topic", TOPIC, "to", "offset",
                "value", "10", "confirm", "yes"), csrf);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(committed()).containsEntry(new TopicPartition(TOPIC, 0), 10L)
                .containsEntry(new TopicPartition(TOPIC, 1), 10L);
        // and a bad target is refused, saying what it expects
        HttpResponse<String> bad = admin.post("/groups/" + GROUP + "/reset", Map.of("topic", TOPIC, "to", "offset",
                "value", "ten"), csrf);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("&#39;ten&#39; is not an offset");
    }

    @Test
    void aFiringAlertIsShownSilencedAndExpiredByOpsAndDeliveredToTheConsoleByWebhook() throws Exception {
        // given an alert firing in Alertmanager
        String alertname = "ConsoleItAlert" + RUN;
        HttpClient http = PlatformTls.httpClient(layout);
        String alertmanager = PlatformEndpoints.load(layout).serviceUrl("alertmanager").orElseThrow();
        String alert = "[{\"labels\":{\"alertname\":\"" + alertname + "\",\"severity\":\"warning\"},\"annotations\":"
                + "{\"summary\":\"a test alert\"},\"startsAt\":\"" + Instant.now() + "\"}]";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(alertmanager + "/api/v2/alerts"))
                .header("Authorization", HttpUser.ADMIN.basic(layout)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        ConsoleBrowser ops = signedIn("ops");

        // then it is on /alerts, firing
        String page = await("the alert on /alerts").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ops.get("/alerts").body(), body -> body.contains(alertname));
        String print = fingerprintOf(page, alertname);

        // when ops silences it for an hour, then Alertmanager holds the silence, made by ops
        HttpResponse<String> silenced = ops.post("/alerts/silence", Map.of("fingerprint", print, "duration", "1h",
                "comment", "console test"), ops.csrf());
        assertThat(silenced.statusCode()).as(silenced.body()).isEqualTo(303);
        String silences = ops.get("/alerts").body();
        assertThat(silences).contains("alertname=" + alertname, "console test", "<td>ops</td>");
        Matcher id = Pattern.compile("/alerts/silences/([0-9a-f-]{36})/expire").matcher(silences);
        assertThat(id.find()).isTrue();

        // when ops expires it, then it is gone from the silences
        assertThat(ops.post("/alerts/silences/" + id.group(1) + "/expire", Map.of(), ops.csrf()).statusCode())
                .isEqualTo(303);
        assertThat(ops.get("/alerts").body()).doesNotContain("/alerts/silences/" + id.group(1) + "/expire");

        // and Alertmanager delivered the alert to the console by webhook: it is in the list bazaar alerts prints
        await("the alert delivered by webhook").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> AlertNotifications.latest(AlertNotifications.file(layout), 500).stream()
                        .anyMatch(n -> n.alertname().equals(alertname) && n.firing()));
        assertThat(ops.get("/alerts").body()).contains("<td>firing</td><td>" + alertname + "</td>");
        // and bazaar alerts prints the same: firing now, and notified
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        dev.bazaar.platform.monitoring.AlertsReport.print(layout, 500, new java.io.PrintStream(printed, true,
                java.nio.charset.StandardCharsets.UTF_8));
        String report = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report.substring(0, report.indexOf("Notified to the console"))).contains(alertname, "a test alert");
        assertThat(report.substring(report.indexOf("Notified to the console"))).containsPattern("firing +" + alertname);
        // and without Alertmanager's credential the webhook takes nothing
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base() + "/alerts/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"alerts\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/alerts/webhook"))
                .header("Authorization", HttpUser.ADMIN.basic(layout)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"alerts\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("admin is not Alertmanager").isEqualTo(401);
    }

    @Test
    void everyDashboardIsListedAndAPanelsQueryIsAnsweredWithItsSeries() throws Exception {
        // given a user signed in
        ConsoleBrowser client = signedIn("client");

        // when the dashboards are opened
        HttpResponse<String> list = client.get("/dashboards");
        HttpResponse<String> brokers = client.get("/dashboards/bazaar-brokers");

        // then each of grafana/dashboards/ is listed, and a dashboard shows its panels and variable
        assertThat(list.body()).contains("href=\"/dashboards/");
        assertThat(Pattern.compile("href=\"/dashboards/").matcher(list.body()).results().count()).isEqualTo(4);
        assertThat(brokers.statusCode()).as(brokers.body()).isEqualTo(200);
        assertThat(brokers.body()).contains("id=\"var-cluster\"", "class=\"chart panel w");
        Matcher panel = Pattern.compile("data-src=\"(/dashboards/bazaar-brokers/panels/\\d+\\.json\\?[^\"]+)\"")
                .matcher(brokers.body());
        assertThat(panel.find()).isTrue();
        JsonNode data = await("a panel's series").atMost(CHARTED).pollInterval(Duration.ofSeconds(2))
                .until(() -> JSON.readTree(client.get(panel.group(1).replace("&amp;", "&")).body()),
                        json -> lastValue(json).isPresent());
        assertThat(data.path("x").size()).isGreaterThan(1);
        // and an unknown dashboard is a page that says so
        assertThat(client.get("/dashboards/no-such").statusCode()).isEqualTo(404);
    }

    @Test
    void opsPausesAndResumesAConnectorWhoseStateTheConsoleShowsAndClientMayNot() throws Exception {
        // given the connectors of the platform, as ops sees them
        ConsoleBrowser ops = signedIn("ops");
        HttpResponse<String> page = ops.get("/connectors");
        assertThat(page.body()).contains("data-connector=\"product-events-sink\"");

        // when ops pauses product-events-sink, then Connect has it paused; when ops resumes it, it runs
        try {
            assertThat(ops.post("/connectors/product-events-sink/pause", Map.of(), ops.csrf()).statusCode()).isEqualTo(303);
            await("paused").atMost(Duration.ofSeconds(30)).until(() -> state(ops, "product-events-sink"), "PAUSED"::equals);
        } finally {
            assertThat(ops.post("/connectors/product-events-sink/resume", Map.of(), ops.csrf()).statusCode())
                    .isEqualTo(303);
        }
        await("running").atMost(Duration.ofSeconds(30)).until(() -> state(ops, "product-events-sink"), "RUNNING"::equals);

        // and client sees the states but no action, and is refused one by the role table
        ConsoleBrowser client = signedIn("client");
        assertThat(client.get("/connectors").body()).contains("data-connector=\"product-events-sink\"")
                .doesNotContain("/connectors/product-events-sink/restart");
        HttpResponse<String> refused = client.post("/connectors/product-events-sink/restart", Map.of(), client.csrf());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("console-roles.yaml (setup/) allows connector.restart to admin, ops only");
    }

    @Test
    void aMessageIsProducedOnlyWhenItsValueIsValidAgainstTheTopicsSchemaAndOnlyByWhoMayWrite() throws Exception {
        // given ops, who may write blocked-products, and client, who may not
        ConsoleBrowser ops = signedIn("ops");
        ConsoleBrowser client = signedIn("client");
        assertThat(ops.get("/topics/blocked-products").body()).contains("id=\"produce\"");

        // when ops produces a value that breaks the schema, then nothing is written and the violation is named
        HttpResponse<String> invalid = ops.post("/topics/blocked-products/produce", Map.of("key", "p-console-" + RUN,
                "value", "{\"productId\": 42}"), ops.csrf());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("breaks the schema of blocked-products-value");
        // and a value that is not JSON is refused saying where
        HttpResponse<String> notJson = ops.post("/topics/blocked-products/produce", Map.of("key", "k", "value", "{oops"),
                ops.csrf());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("the value is not JSON", "line 1");

        // and client may not produce on orders: Kafka refuses, the missing ACL named
        HttpResponse<String> refused = client.post("/topics/orders/produce", Map.of("key", "x", "value",
                "{\"orderId\":\"x\"}"), client.csrf());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The ACL that is missing is User:client WRITE on topic orders");
        // and client, who may read recommendations but not write them, has no form there
        assertThat(client.get("/topics/recommendations").body()).contains("id=\"messages\"")
                .doesNotContain("id=\"produce\"");
    }

    /** Last: the certificates come from the blackbox exporter's TLS probes, which Prometheus scrapes once a minute. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theOverviewShowsThePlatformServicesHealthAndEveryCertificatesExpiry() throws Exception {
        ConsoleBrowser admin = signedIn("admin");
        // (the blackbox TLS probes are scraped once a minute: a target's first scrape may be a minute away)
        String overview = await("certificates probed").atMost(PROBED).pollInterval(Duration.ofSeconds(2))
                .until(() -> admin.get("/").body(), body -> body.contains("<td>registry</td>"));
        assertThat(overview).contains("<td>Schema registry</td><td class=\"ok\">healthy", "id=\"certificates\"",
                "<td>Kafka Connect</td><td class=\"ok\">healthy", "<td>PostgreSQL</td><td class=\"ok\">healthy");
        assertThat(Pattern.compile("<td class=\"num ok\">\\d+ days</td>").matcher(overview).find()).isTrue();
    }

    private static String state(ConsoleBrowser browser, String connector) throws Exception {
        Matcher state = Pattern.compile("data-connector=\"" + Pattern.quote(connector) + "\">.*?<td class=\"state\">"
                + "([A-Z]+)</td>", Pattern.DOTALL).matcher(browser.get("/connectors").body());
        return state.find() ? state.group(1) : "";
    }

    private static String fingerprintOf(String page, String alertname) {
        int at = page.indexOf(alertname);
        Matcher print = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(print.find(at)).as("a silence form of %s", alertname).isTrue();
        return print.group(1);
    }

    private static java.util.Optional<Double> lastValue(JsonNode chart) {
        for (JsonNode series : chart.path("series")) {
            JsonNode data = series.path("data");
            for (int i = data.size() - 1; i >= 0; i--) {
                if (!data.get(i).isNull()) {
                    return java.util.Optional.of(data.get(i).asDouble());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        try (Admin kafka = Admin.create(platform.client(Cluster.MAIN, "admin", new Properties()))) {
            Map<TopicPartition, Long> offsets = new java.util.HashMap<>();
            kafka.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((p, o) -> offsets.put(p, o.offset()));
            return offsets;
        }
    }

    private ConsoleBrowser signedIn(String principal) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(layout, base());
        HttpResponse<String> answer = browser.signIn(principal, layout.secrets().password(principal));
        assertThat(answer.statusCode()).as("sign-in of %s: %s", principal, answer.body()).isEqualTo(303);
        return browser;
    }

    private String base() {
        return "https://127.0.0.1:" + server.getPort();
    }
}
