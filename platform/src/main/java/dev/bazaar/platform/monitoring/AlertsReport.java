package dev.bazaar.platform.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.AlertNotifications;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code bazaar alerts} prints, the console's {@code /alerts} in a terminal: the alerts firing now
 * as Alertmanager has them (asked as admin), then each alert's latest notification that Alertmanager
 * delivered to the console (firing and resolved, newest first).
 */
public final class AlertsReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertsReport() {
    }

    /** Prints the report of the platform of {@code layout}, at most {@code last} notifications. */
    public static void print(RuntimeLayout layout, int last, PrintStream out) throws IOException, InterruptedException {
        String alertmanager = PlatformEndpoints.load(layout).serviceUrl("alertmanager").orElseThrow(() ->
                new IllegalStateException("no Alertmanager in this platform: start it with ./bazaar up"));
        HttpResponse<String> answer = PlatformTls.httpClient(layout).send(HttpRequest.newBuilder(URI.create(
                alertmanager + "/api/v2/alerts?active=true&silenced=true&inhibited=true")).timeout(Duration.ofSeconds(15))
                .header("Authorization", HttpUser.ADMIN.basic(layout)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager at " + alertmanager + " answered " + answer.statusCode());
        }
        JsonNode alerts = JSON.readTree(answer.body());
        out.println("Firing now (" + alerts.size() + "):");
        for (JsonNode alert : alerts) {
            Map<String, String> labels = new TreeMap<>();
            alert.path("labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            String name = labels.remove("alertname");
            out.printf(Locale.ROOT, "  %-28s %-10s since %s  %s%n    %s%n", name, alert.path("status").path("state").asText(),
                    alert.path("startsAt").asText(), format(labels), alert.path("annotations").path("summary").asText());
        }
        List<AlertNotifications.Notification> notified = AlertNotifications.latest(AlertNotifications.file(layout), last);
        out.println("Notified to the console (latest " + notified.size() + "):");
        for (AlertNotifications.Notification n : notified) {
            Map<String, String> labels = new TreeMap<>(n.labels());
            labels.remove("alertname");
            out.printf(Locale.ROOT, "  %s  %-8s %-28s %s%n    %s%n", n.receivedAt().truncatedTo(ChronoUnit.SECONDS),
                    n.status(), n.alertname(), format(labels), n.summary());
        }
    }

    private static String format(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
