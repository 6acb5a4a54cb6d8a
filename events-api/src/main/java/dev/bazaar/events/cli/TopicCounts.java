package dev.bazaar.events.cli;

import dev.bazaar.common.cli.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Counts the records of the events topics as principal {@code events}, with {@code assign()} and no
 * group: the raw topic by its offsets (DESCRIBE only; an idempotent producer writes no transaction
 * markers, so the offsets are the records), dedup's outputs by reading them read_committed to their
 * ends (their offsets also hold dedup's transaction markers), per event kind.
 */
final class TopicCounts {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;

    /** {@code consumer} reads read_committed and belongs to no group. */
    TopicCounts(Consumer<byte[], byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /** The records {@code topic} holds now: the sum over its partitions of end minus beginning offsets. */
    long byOffsets(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        return partitions.stream().mapToLong(partition -> end.get(partition) - beginning.get(partition)).sum();
    }

    /** The committed records of {@code topic} now, per event kind (header {@code event-kind}), read from the start. */
    Map<String, Long> byReading(String topic, String kindHeader) {
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<String, Long> counts = new TreeMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(partitions, end)) {
            if (System.nanoTime() > deadline) {
                throw new ServiceException("could not read " + topic + " to its end within " + timeout.toSeconds()
                        + " s (at " + positions(partitions) + " of " + end + ")");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    counts.merge(kind(record.headers().lastHeader(kindHeader)), 1L, Long::sum);
                }
            }
        }
        consumer.unsubscribe();
        return counts;
    }

    private boolean caughtUp(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(partition -> consumer.position(partition, timeout) >= end.get(partition));
    }

    private String positions(List<TopicPartition> partitions) {
        return partitions.stream().map(partition -> partition + "=" + consumer.position(partition, timeout))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new ServiceException("topic " + topic + " does not exist: './bazaar up' (setup) creates it");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static String kind(Header header) {
        return header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
