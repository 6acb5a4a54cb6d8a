package dev.bazaar.common.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the mirror cluster is behind main, per copied topic: in records, the committed records of
 * main that MirrorMaker has not copied yet (as consumer lag counts them, transaction markers
 * included), and in time, the age of the oldest of them. Measured against MirrorMaker's own
 * committed positions, so it is at most 5 s (its commit interval) pessimistic.
 */
public final class ReplicationLag {

    /** One copied topic: records not yet copied, and how old the oldest of them is (zero when none). */
    public record TopicLag(String topic, String copy, long records, Duration behind, int partitions) {
    }

    private final List<String> topics;
    private final Admin main;
    private final Properties mainClient;
    private final Properties mirrorClient;
    private final Duration timeout;

    /**
     * Measures {@code topics} (main's names, those MirrorMaker copies) with an admin client and client
     * settings of main (DESCRIBE and READ of the topics) and client settings of the mirror (READ of
     * {@value MirrorNames#SOURCE_OFFSETS}), each call bounded by {@code timeout}.
     */
    public ReplicationLag(List<String> topics, Admin main, Properties mainClient, Properties mirrorClient, Duration timeout) {
        this.topics = topics;
        this.main = main;
        this.mainClient = mainClient;
        this.mirrorClient = mirrorClient;
        this.timeout = timeout;
    }

    /** The lag of every topic, in the order given, its age measured at {@code now}. */
    public List<TopicLag> measure(Instant now) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> descriptions = main.describeTopics(topics).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = descriptions.values().stream().flatMap(topic -> topic.partitions().stream()
                .map(p -> new TopicPartition(topic.name(), p.partition()))).toList();
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> copied = SourceOffsets.lastCopied(mirrorClient, timeout);
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long last = copied.get(partition);
            next.put(partition, last == null ? start.get(partition) : Math.max(last + 1, start.get(partition)));
        }
        Map<TopicPartition, Long> uncopied = partitions.stream().filter(p -> end.get(p) > next.get(p))
                .collect(Collectors.toMap(Function.identity(), next::get));
        Map<TopicPartition, Instant> oldest = oldestUncopied(uncopied, end);
        // a partition behind only by transaction markers holds no record to copy
        uncopied.keySet().stream().filter(p -> !oldest.containsKey(p)).forEach(p -> next.put(p, end.get(p)));
        List<TopicLag> lags = new ArrayList<>();
        for (String topic : topics) {
            List<TopicPartition> own = partitions.stream().filter(p -> p.topic().equals(topic)).toList();
            long records = own.stream().mapToLong(p -> Math.max(0, end.get(p) - next.get(p))).sum();
            Duration behind = own.stream().map(oldest::get).filter(Objects::nonNull)
                    .map(written -> Duration.between(written, now)).max(Duration::compareTo).orElse(Duration.ZERO);
            lags.add(new TopicLag(topic, MirrorNames.mirrored(topic), records, behind.isNegative() ? Duration.ZERO
                    : behind, own.size()));
        }
        return lags;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        return main.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * The timestamp of the first committed record at or after each position, read from main without
     * a group; none for a partition that holds only transaction markers up to its end.
     */
    private Map<TopicPartition, Instant> oldestUncopied(Map<TopicPartition, Long> positions,
            Map<TopicPartition, Long> end) {
        Map<TopicPartition, Instant> oldest = new HashMap<>();
        if (positions.isEmpty()) {
            return oldest;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = TopicReader.consumer(mainClient)) {
            consumer.assign(positions.keySet());
            positions.forEach(consumer::seek);
            Set<TopicPartition> open = new HashSet<>(positions.keySet());
            Instant deadline = Instant.now().plus(timeout);
            while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    oldest.putIfAbsent(partition, Instant.ofEpochMilli(record.timestamp()));
                    open.remove(partition);
                }
                open.removeIf(partition -> consumer.position(partition, timeout) >= end.get(partition));
                consumer.pause(oldest.keySet());
            }
        }
        return oldest;
    }
}
