package dev.bazaar.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Cluster;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic of the main cluster as it stands: read as admin with {@code read_committed}, from the
 * beginning of every partition to the end it had when the read began, values decoded from the
 * registry's wire format (magic byte, 4-byte schema id, JSON).
 */
final class TopicSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int WIRE_HEADER = 5;

    /** One record; {@code value} is null for a tombstone. */
    record Entry(String key, int partition, long offset, JsonNode value) {
    }

    private final List<Entry> entries;

    private TopicSnapshot(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static TopicSnapshot read(Running platform, String topic) {
        Properties extra = new Properties();
        extra.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        extra.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", extra),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " not read to its end " + ends + " within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    entries.add(new Entry(record.key(), record.partition(), record.offset(), decode(record.value())));
                }
            }
        }
        return new TopicSnapshot(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The latest record of {@code key}, if the topic has one. */
    Optional<Entry> latest(String key) {
        return entries.stream().filter(entry -> key.equals(entry.key())).reduce((first, second) -> second);
    }

    private static JsonNode decode(byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length < WIRE_HEADER || value[0] != 0) {
            throw new IllegalStateException("not in the registry wire format: " + new String(value,
                    StandardCharsets.UTF_8));
        }
        try {
            return JSON.readTree(Arrays.copyOfRange(value, WIRE_HEADER, value.length));
        } catch (IOException e) {
            throw new UncheckedIOException("a value that is not JSON after the wire format's header", e);
        }
    }
}
