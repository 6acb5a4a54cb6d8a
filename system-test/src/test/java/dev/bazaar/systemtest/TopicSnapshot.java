package dev.bazaar.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Cluster;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * registry's wire format (magic byte, 4-byte schema id, JSON). Records that are not in that format,
 * which other tests on a shared platform leave (probes, malformed records for dead-letter tests), are
 * left out.
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
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(platform)) {
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
                    if (record.value() == null) {
                        entries.add(new Entry(record.key(), record.partition(), record.offset(), null));
                    } else {
                        decode(record.value()).ifPresent(value -> entries.add(new Entry(record.key(),
                                record.partition(), record.offset(), value)));
                    }
                }
            }
        }
        return new TopicSnapshot(entries);
    }

    /** The end offset of each partition of {@code topic}, by partition: where the records written after this begin. */
    static Map<Integer, Long> ends(Running platform, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(platform)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions, TIMEOUT).forEach((partition, end) -> ends.put(partition.partition(), end));
            return ends;
        }
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entries at or after {@code offsets} (by partition, as {@link #ends} gives them): what was written since. */
    List<Entry> since(Map<Integer, Long> offsets) {
        return entries.stream().filter(entry -> entry.offset() >= offsets.getOrDefault(entry.partition(), 0L)).toList();
    }

    /** The latest record of {@code key}, if the topic has one. */
    Optional<Entry> latest(String key) {
        return entries.stream().filter(entry -> key.equals(entry.key())).reduce((first, second) -> second);
    }

    private static KafkaConsumer<String, byte[]> consumer(Running platform) {
        Properties extra = new Properties();
        extra.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        extra.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", extra), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** The JSON of a value in the registry wire format; empty for any other value. */
    private static Optional<JsonNode> decode(byte[] value) {
        if (value.length < WIRE_HEADER || value[0] != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(Arrays.copyOfRange(value, WIRE_HEADER, value.length)));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
