package dev.bazaar.platform.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.mirror.MirrorNames;
import dev.bazaar.common.mirror.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The states of MirrorMaker's connectors and tasks as its Connect worker records them in
 * {@code mm2-status.main.internal} on the mirror cluster: the same source the Connect REST API
 * answers from. Its metrics are not: a connector restarted after an unresponsive stop can lose its
 * status metric while it runs.
 */
final class ConnectorStates {

    static final String TOPIC = MirrorNames.STATUS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorStates() {
    }

    /** Whether the source connector and every one of its tasks is RUNNING. */
    static boolean sourceRunning(Properties mirrorClient, Duration timeout) {
        Map<String, String> states = latest(mirrorClient, timeout);
        String connector = "MirrorSourceConnector";
        boolean tasksRunning = states.entrySet().stream()
                .filter(e -> e.getKey().startsWith("status-task-" + connector + "-"))
                .allMatch(e -> e.getValue().equals("RUNNING"));
        boolean anyTask = states.keySet().stream().anyMatch(key -> key.startsWith("status-task-" + connector + "-"));
        return "RUNNING".equals(states.get("status-connector-" + connector)) && anyTask && tasksRunning;
    }

    /** The latest state per status key ({@code status-connector-<name>}, {@code status-task-<name>-<n>}). */
    static Map<String, String> latest(Properties mirrorClient, Duration timeout) {
        Map<String, String> states = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(mirrorClient, TOPIC, timeout)) {
            if (record.key() == null) {
                continue;
            }
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                states.remove(key);
                continue;
            }
            try {
                states.put(key, JSON.readTree(record.value()).path("state").asText());
            } catch (IOException e) {
                throw new IllegalStateException("unreadable MirrorMaker status in " + TOPIC + " at offset "
                        + record.offset() + ": " + e.getMessage(), e);
            }
        }
        return states;
    }
}
