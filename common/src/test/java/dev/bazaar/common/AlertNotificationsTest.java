package dev.bazaar.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertNotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FIRED = Instant.parse("2026-12-07T18:51:19Z");
    private static final Instant RESOLVED = Instant.parse("2026-12-07T18:51:49Z");

    @TempDir
    Path folder;

    @Test
    void theLatestIsOneRowPerAlertWhileAllKeepsTheFiringNotificationAfterItsAlertResolved() throws Exception {
        // given a BrokerDown delivered firing, then resolved, and another alert firing
        Path file = folder.resolve("alerts.jsonl");
        AlertNotifications.append(file, AlertNotifications.fromWebhook(payload("firing", "BrokerDown", "a1"), FIRED));
        AlertNotifications.append(file, AlertNotifications.fromWebhook(payload("resolved", "BrokerDown", "a1"), RESOLVED));
        AlertNotifications.append(file, AlertNotifications.fromWebhook(payload("firing", "DeadLetterRecords", "b2"),
                RESOLVED.plusSeconds(1)));

        // when / then
        assertThat(AlertNotifications.latest(file, 10)).extracting(n -> n.alertname() + " " + n.status())
                .containsExactly("DeadLetterRecords firing", "BrokerDown resolved");
        assertThat(AlertNotifications.all(file)).extracting(n -> n.alertname() + " " + n.status() + " " + n.receivedAt())
                .containsExactly("BrokerDown firing " + FIRED, "BrokerDown resolved " + RESOLVED,
                        "DeadLetterRecords firing " + RESOLVED.plusSeconds(1));
    }

    @Test
    void aTornLastLineIsSkippedAndTheNotificationsBeforeItStand() throws Exception {
        Path file = folder.resolve("alerts.jsonl");
        AlertNotifications.append(file, AlertNotifications.fromWebhook(payload("firing", "BrokerDown", "a1"), FIRED));
        Files.writeString(file, "{\"receivedAt\":\"2026-12", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(AlertNotifications.all(file)).extracting(AlertNotifications.Notification::alertname)
                .containsExactly("BrokerDown");
        assertThat(AlertNotifications.all(folder.resolve("none.jsonl"))).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAlertmanagersIsRefusedNamingWhy() throws Exception {
        assertThatThrownBy(() -> AlertNotifications.fromWebhook(JSON.readTree("{\"status\":\"firing\"}"), FIRED))
                .hasMessageContaining("no 'alerts' array");
        assertThatThrownBy(() -> AlertNotifications.fromWebhook(payload("pending", "BrokerDown", "a1"), FIRED))
                .hasMessageContaining("not 'pending'");
    }

    private static JsonNode payload(String status, String alertname, String fingerprint) throws Exception {
        return JSON.readTree("{\"version\":\"4\",\"status\":\"" + status + "\",\"alerts\":[{\"status\":\"" + status
                + "\",\"fingerprint\":\"" + fingerprint + "\",\"startsAt\":\"2026-12-07T18:51:14Z\",\"endsAt\":\""
                + (status.equals("resolved") ? "2026-12-07T18:51:29Z" : "0001-01-01T00:00:00Z")
                + "\",\"labels\":{\"alertname\":\"" + alertname + "\",\"node\":\"main-2\"},"
                + "\"annotations\":{\"summary\":\"s\"}}]}");
    }
}
