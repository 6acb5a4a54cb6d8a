package dev.bazaar.promo.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What promo made of a run's campaigns: the committed notifications on {@code promo-notifications}
 * since this object was made (read_committed, as the push service and the feedback sink read them),
 * the records of {@code dlq-promo}, and the rows of {@code subscribers_feedback} (as the platform's admin
 * role) — each counted by the run's prefix of store ids, since the build's shared platform holds every
 * earlier run's.
 */
final class PromoOutput implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);

    private final String run;
    private final Connection connection;
    private final KafkaConsumer<byte[], byte[]> consumer;
    /** Asks for the partitions' high watermarks (read_uncommitted): where the records written so far end. */
    private final KafkaConsumer<byte[], byte[]> watermarks;
    private final List<Notification> notifications = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    /** A notification as read: its key, fields, and when this test saw it committed. */
    record Notification(String key, JsonNode value, Instant seen) {

        String client() {
            return value.path("client_id").asText();
        }

        String campaign() {
            return value.path("adv_campaign_id").asText();
        }

        String store() {
            return value.path("restaurant_id").asText();
        }
    }

    /** A record of dlq-promo: its value as text and the reason promo gave. */
    record DeadLetter(String value, String error) {
    }

    /** A feedback row: campaign, customer, answer (null until given). */
    record Feedback(String campaign, String client, String feedback, long triggered) {
    }

    PromoOutput(Running platform, String run) throws SQLException {
        this.run = run;
        this.connection = ((PostgresComponent) platform.platform().catalog().component(PostgresServer.COMPONENT))
                .target().connectAdmin();
        Properties props = new Properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", props), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.PROMO_NOTIFICATIONS, Topics.DLQ_PROMO)) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.endOffsets(partitions).forEach(consumer::seek);
        Properties uncommitted = new Properties();
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        watermarks = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", uncommitted),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads what was committed since the last call; the notifications of this run so far. */
    List<Notification> notifications() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            if (record.topic().equals(Topics.DLQ_PROMO)) {
                String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                if (value.contains(run)) {
                    deadLetters.add(new DeadLetter(value, new String(record.headers().lastHeader("bazaar.error").value(),
                            StandardCharsets.UTF_8)));
                }
                continue;
            }
            JsonNode value = json(record.value());
            if (value.path("restaurant_id").asText().startsWith(run)) {
                notifications.add(new Notification(record.key() == null ? null
                        : new String(record.key(), StandardCharsets.UTF_8), value, Instant.now()));
            }
        }
        return List.copyOf(notifications);
    }

    /**
     * Reads every record written so far, once its transaction is decided: up to the high watermarks of
     * now, as a read_committed reader can only pass a transaction's records once its marker is on that
     * partition. (Up to the last stable offsets, as before, missed part of a fan-out: its notifications
     * are on several partitions, and the coordinator writes the markers one partition after another.)
     */
    List<Notification> catchUp() {
        Map<TopicPartition, Long> ends = watermarks.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("promo-notifications not read to its end in 30 s: " + ends);
            }
            notifications();
        }
        return List.copyOf(notifications);
    }

    /** This run's notifications of campaign {@code campaign}, read so far (call {@link #notifications()} first). */
    List<Notification> of(String campaign) {
        return notifications.stream().filter(notification -> notification.campaign().equals(campaign)).toList();
    }

    List<DeadLetter> deadLetters() {
        notifications();
        return List.copyOf(deadLetters);
    }

    /** The feedback rows of campaign {@code campaign}. */
    List<Feedback> feedback(String campaign) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT adv_campaign_id, client_id, feedback, "
                + "trigger_datetime_created FROM subscribers_feedback WHERE adv_campaign_id = ? ORDER BY client_id")) {
            select.setString(1, campaign);
            List<Feedback> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Feedback(result.getString(1), result.getString(2), result.getString(3),
                            result.getLong(4)));
                }
            }
            return rows;
        }
    }

    private static JsonNode json(byte[] framed) {
        try {
            return JSON.readTree(framed[0] == 0 ? Arrays.copyOfRange(framed, 5, framed.length) : framed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        consumer.close();
        watermarks.close();
        connection.close();
    }
}
