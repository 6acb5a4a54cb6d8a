package dev.bazaar.events.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.Topics;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.platform.postgres.PostgresTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the pipeline made of a run's events: the rows of {@code product_events} (as the platform's
 * admin role, counted by the prefix of {@code user_id}), and the committed records of dedup's output
 * topics since this object was made (read_committed, as the sink reads them), counted by the same
 * prefix — so that the build's shared platform, which holds every earlier run's events, counts only ours.
 */
final class PipelineOutput implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ = Duration.ofSeconds(30);
    private static final List<String> OUTPUT = List.of(Topics.PRODUCT_EVENTS, Topics.PRODUCT_EVENTS_DUPLICATES);

    private final Connection connection;
    private final KafkaConsumer<byte[], byte[]> output;
    private final KafkaConsumer<byte[], byte[]> raw;
    private final String run;
    /** Records of this run on each output topic, key (hex) and user, in the order read. */
    private final Map<String, List<Decision>> decisions = new HashMap<>();

    /** One record on an output topic: its key and the event's user field. */
    record Decision(String key, String user) {
    }

    /** A row of {@code product_events}, its columns as Java values. */
    record Row(String kind, String eventName, Instant eventDatetime, String userId, String productId, String sid,
            Instant receivedAt, JsonNode event) {
    }

    /** @param run the prefix of every user field this run sends */
    PipelineOutput(Running platform, String run) throws SQLException {
        this.run = run;
        PostgresTarget postgres = ((PostgresComponent) platform.platform().catalog().component(PostgresServer.COMPONENT))
                .target();
        this.connection = postgres.connectAdmin();
        Properties props = new Properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        output = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", props), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        raw = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", props), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : OUTPUT) {
            output.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            decisions.put(topic, new ArrayList<>());
        }
        output.assign(partitions);
        // from the last stable offsets: what dedup commits from now on
        output.endOffsets(partitions).forEach(output::seek);
    }

    /** Rows whose {@code user_id} starts with {@code prefix}. */
    long rows(String prefix) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM product_events WHERE user_id LIKE ?")) {
            count.setString(1, prefix + "%");
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The row of the event with {@code key} (hex). */
    Optional<Row> row(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, event_name, event_datetime, user_id, "
                + "product_id, sid, received_at, event::text FROM product_events WHERE event_key = ?")) {
            select.setBytes(1, DedupKey.fromHex(key));
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(result.getString(1), result.getString(2),
                        result.getObject(3, OffsetDateTime.class).toInstant(), result.getString(4), result.getString(5),
                        result.getString(6), result.getObject(7, OffsetDateTime.class).toInstant(),
                        JSON.readTree(result.getString(8))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed records of this run's {@code prefix} on {@code topic} read so far; {@link #catchUp()} reads on. */
    List<Decision> decisions(String topic, String prefix) {
        return decisions.get(topic).stream().filter(decision -> decision.user().startsWith(prefix)).toList();
    }

    /** Reads both output topics up to their current last stable offsets (for 30 s at most). */
    void catchUp() {
        Map<TopicPartition, Long> ends = output.endOffsets(output.assignment());
        long deadline = System.nanoTime() + READ.toNanos();
        while (ends.entrySet().stream().anyMatch(end -> output.position(end.getKey()) < end.getValue())
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : output.poll(POLL)) {
                String user = user(record);
                if (user.startsWith(run)) {
                    decisions.get(record.topic()).add(new Decision(DedupKey.hex(record.key()), user));
                }
            }
        }
    }

    /** The timestamp of a record of product-events-raw, where events-api said it stored it. */
    Instant rawTimestamp(PipelineEvents.Raw where) {
        TopicPartition partition = new TopicPartition(where.topic(), where.partition());
        raw.assign(List.of(partition));
        raw.seek(partition, where.offset());
        long deadline = System.nanoTime() + READ.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : raw.poll(POLL).records(partition)) {
                if (record.offset() == where.offset()) {
                    return Instant.ofEpochMilli(record.timestamp());
                }
            }
            if (raw.position(partition) > where.offset()) {
                break;
            }
        }
        throw new AssertionError("no record at " + where);
    }

    /** The event's user field ({@code userId} of a view event, {@code client_id} of a product event); "" if none. */
    private static String user(ConsumerRecord<byte[], byte[]> record) {
        Header kind = record.headers().lastHeader("event-kind");
        byte[] value = record.value();
        if (kind == null || value == null || value.length < 5) {
            return "";
        }
        try {
            JsonNode event = JSON.readTree(value, 5, value.length - 5);
            String field = new String(kind.value(), StandardCharsets.UTF_8).equals("view-event") ? "userId" : "client_id";
            return event.path(field).asText("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws SQLException {
        output.close();
        raw.close();
        connection.close();
    }
}
