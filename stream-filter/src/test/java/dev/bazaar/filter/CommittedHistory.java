package dev.bazaar.filter;

import dev.bazaar.common.Cluster;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of a topic as a {@code read_committed} consumer sees it, per key in offset order
 * (a null value is a tombstone). {@link #catchUp()} reads up to the last stable offset.
 */
final class CommittedHistory implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, List<byte[]>> history = new HashMap<>();

    CommittedHistory(Running platform, String topic) {
        Properties extra = new Properties();
        extra.put("isolation.level", "read_committed");
        extra.put("max.poll.records", "2000");
        consumer = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", extra), new StringDeserializer(),
                new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads every committed record not read yet; returns this. */
    CommittedHistory catchUp() {
        Map<TopicPartition, Long> stable = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < stable.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                history.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
            }
        }
        return this;
    }

    /** The values of {@code key}, oldest first; empty when it never appeared. */
    List<byte[]> of(String key) {
        return history.getOrDefault(key, List.of());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
