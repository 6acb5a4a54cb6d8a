package dev.bazaar.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert notifications Alertmanager delivered to the console's webhook, kept one JSON line each in
 * {@code var/data/console/alerts.jsonl}: the console's {@code /alerts} and {@code bazaar alerts} show
 * the same list (firing and resolved, newest first), and it survives a restart of the console.
 */
public final class AlertNotifications {

    /** One alert as last notified: firing or resolved. */
    public record Notification(Instant receivedAt, String status, String fingerprint, Map<String, String> labels,
            String summary, Instant startsAt, Instant endsAt) {

        public Notification {
            labels = Map.copyOf(new TreeMap<>(labels));
        }

        public String alertname() {
            return labels.getOrDefault("alertname", "");
        }

        public boolean firing() {
            return "firing".equals(status);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertNotifications() {
    }

    public static Path file(RuntimeLayout layout) {
        return layout.dataDir("console").resolve("alerts.jsonl");
    }

    /** The notifications of one webhook call of Alertmanager (its payload, version 4). */
    public static List<Notification> fromWebhook(JsonNode payload, Instant receivedAt) {
        if (!payload.path("alerts").isArray()) {
            throw new IllegalArgumentException("not an Alertmanager webhook payload: no 'alerts' array");
        }
        List<Notification> notifications = new ArrayList<>();
        for (JsonNode alert : payload.path("alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            alert.path("labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            String status = alert.path("status").asText(payload.path("status").asText("firing"));
            if (!status.equals("firing") && !status.equals("resolved")) {
                throw new IllegalArgumentException("an alert's status is firing or resolved, not '" + status + "'");
            }
            notifications.add(new Notification(receivedAt, status, alert.path("fingerprint").asText(""), labels,
                    alert.path("annotations").path("summary").asText(""), time(alert.path("startsAt").asText("")),
                    time(alert.path("endsAt").asText(""))));
        }
        return notifications;
    }

    /** Appends {@code notifications} to the file. */
    public static synchronized void append(Path file, List<Notification> notifications) {
        StringBuilder lines = new StringBuilder();
        for (Notification n : notifications) {
            ObjectNode line = JSON.createObjectNode();
            line.put("receivedAt", n.receivedAt().toString()).put("status", n.status()).put("fingerprint", n.fingerprint())
                    .put("summary", n.summary()).put("startsAt", text(n.startsAt())).put("endsAt", text(n.endsAt()));
            ObjectNode labels = line.putObject("labels");
            n.labels().forEach(labels::put);
            lines.append(line).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the alert notifications to " + file, e);
        }
    }

    /**
     * Each alert's latest notification (by fingerprint and start: a new firing of the same alert is a new
     * row), newest first, at most {@code limit}; none when the file does not exist yet. A line that is not
     * a notification is skipped (a torn last line after a crash), never fatal.
     */
    public static List<Notification> latest(Path file, int limit) {
        Map<String, Notification> byAlert = new LinkedHashMap<>();
        all(file).forEach(n -> byAlert.put(n.fingerprint() + "@" + n.startsAt(), n));
        return byAlert.values().stream().sorted(Comparator.comparing(Notification::receivedAt).reversed()).limit(limit)
                .toList();
    }

    /**
     * Every notification in the order received (a firing one stays in it after its alert resolved); none
     * when the file does not exist yet. A line that is not a notification is skipped, never fatal.
     */
    public static List<Notification> all(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Notification> notifications = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    notifications.add(parse(JSON.readTree(line)));
                } catch (IOException | RuntimeException e) {
                    // a torn last line after a crash: the notifications before it stand
                    continue;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alert notifications of " + file, e);
        }
        return notifications;
    }

    private static Notification parse(JsonNode line) {
        Map<String, String> labels = new LinkedHashMap<>();
        line.path("labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        return new Notification(Instant.parse(line.path("receivedAt").asText()), line.path("status").asText(),
                line.path("fingerprint").asText(), labels, line.path("summary").asText(),
                time(line.path("startsAt").asText()), time(line.path("endsAt").asText()));
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant at = Instant.parse(text);
        // Alertmanager's "no end yet" is the zero time
        return at.getEpochSecond() <= 0 ? null : at;
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
