package dev.bazaar.console.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Messages of one topic, read as the signed-in user (read_committed) without a consumer group and
 * without ever scanning a whole topic: the newest page reads at most a page from the end of each
 * partition; a seek by offset or time reads a page from there; a text filter reads backwards from the
 * end in chunks and stops at the scan limit, saying how far it got.
 */
public final class TopicMessages {

    /** Records read per partition and round when filtering backwards. */
    private static final int FILTER_CHUNK = 500;

    private TopicMessages() {
    }

    /** A partition's first and next offsets (the next is the last stable offset: nothing uncommitted shows). */
    public record Range(int partition, long begin, long end) {

        public long count() {
            return end - begin;
        }
    }

    /** A page: the partitions' ranges, the messages, how many records were read for it. */
    public record Page(List<Range> partitions, List<ConsumerRecord<byte[], byte[]>> messages, long scanned,
            boolean scanLimitReached) {
    }

    /** The {@code count} newest messages of the topic, newest first. */
    public static Page newest(UserClients clients, String topic, int count) {
        return clients.withConsumer(consumer -> {
            Map<TopicPartition, Range> ranges = ranges(consumer, topic, clients.timeout());
            Map<TopicPartition, long[]> windows = new HashMap<>();
            ranges.forEach((partition, range) -> windows.put(partition,
                    new long[] {Math.max(range.begin(), range.end() - count), range.end()}));
            List<ConsumerRecord<byte[], byte[]>> read = read(consumer, windows, clients.timeout());
            read.sort(NEWEST_FIRST);
            return new Page(sorted(ranges), List.copyOf(read.subList(0, Math.min(count, read.size()))), read.size(),
                    false);
        });
    }

    /** {@code count} messages of {@code partition} from {@code offset} on (clamped to what the partition holds). */
    public static Page fromOffset(UserClients clients, String topic, int partition, long offset, int count) {
        return clients.withConsumer(consumer -> {
            Map<TopicPartition, Range> ranges = ranges(consumer, topic, clients.timeout());
            TopicPartition chosen = new TopicPartition(topic, partition);
            Range range = ranges.get(chosen);
            if (range == null) {
                throw new IllegalArgumentException("topic " + topic + " has no partition " + partition + " (it has "
                        + ranges.size() + ": 0.." + (ranges.size() - 1) + ")");
            }
            long from = Math.min(Math.max(offset, range.begin()), range.end());
            List<ConsumerRecord<byte[], byte[]>> read = read(consumer,
                    Map.of(chosen, new long[] {from, Math.min(range.end(), from + count)}), clients.timeout());
            read.sort(Comparator.comparingLong(ConsumerRecord::offset));
            return new Page(sorted(ranges), List.copyOf(read), read.size(), false);
        });
    }

    /** The first {@code count} messages written at or after {@code since}, oldest first, over all partitions. */
    public static Page fromTime(UserClients clients, String topic, Instant since, int count) {
        return clients.withConsumer(consumer -> {
            Map<TopicPartition, Range> ranges = ranges(consumer, topic, clients.timeout());
            Map<TopicPartition, Long> query = new HashMap<>();
            ranges.keySet().forEach(partition -> query.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, clients.timeout());
            Map<TopicPartition, long[]> windows = new HashMap<>();
            found.forEach((partition, at) -> {
                if (at != null) {
                    long end = ranges.get(partition).end();
                    windows.put(partition, new long[] {at.offset(), Math.min(end, at.offset() + count)});
                }
            });
            List<ConsumerRecord<byte[], byte[]>> read = read(consumer, windows, clients.timeout());
            read.sort(NEWEST_FIRST.reversed());
            return new Page(sorted(ranges), List.copyOf(read.subList(0, Math.min(count, read.size()))), read.size(),
                    false);
        });
    }

    /**
     * Up to {@code count} messages that {@code matches}, newest first, reading backwards from the end of
     * every partition in chunks until it has them, reaches the partitions' starts, or has read
     * {@code scanLimit} records.
     */
    public static Page filter(UserClients clients, String topic, Predicate<ConsumerRecord<byte[], byte[]>> matches,
            int count, int scanLimit) {
        return clients.withConsumer(consumer -> {
            Map<TopicPartition, Range> ranges = ranges(consumer, topic, clients.timeout());
            Map<TopicPartition, Long> cursors = new HashMap<>();
            ranges.forEach((partition, range) -> cursors.put(partition, range.end()));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            long scanned = 0;
            while (found.size() < count && scanned < scanLimit) {
                Map<TopicPartition, long[]> windows = new HashMap<>();
                long budget = scanLimit - scanned;
                for (Map.Entry<TopicPartition, Long> cursor : cursors.entrySet()) {
                    long begin = ranges.get(cursor.getKey()).begin();
                    long chunk = Math.min(Math.min(FILTER_CHUNK, cursor.getValue() - begin),
                            Math.max(1, budget / Math.max(1, cursors.size())));
                    if (chunk > 0) {
                        windows.put(cursor.getKey(), new long[] {cursor.getValue() - chunk, cursor.getValue()});
                    }
                }
                if (windows.isEmpty()) {
                    break;
                }
                List<ConsumerRecord<byte[], byte[]>> read = read(consumer, windows, clients.timeout());
                scanned += read.size();
                windows.forEach((partition, window) -> cursors.put(partition, window[0]));
                read.stream().filter(matches).forEach(found::add);
                if (cursors.entrySet().stream().allMatch(cursor -> cursor.getValue() <= ranges.get(cursor.getKey())
                        .begin())) {
                    break;
                }
            }
            found.sort(NEWEST_FIRST);
            boolean limited = found.size() < count && scanned >= scanLimit && cursors.entrySet().stream()
                    .anyMatch(cursor -> cursor.getValue() > ranges.get(cursor.getKey()).begin());
            return new Page(sorted(ranges), List.copyOf(found.subList(0, Math.min(count, found.size()))), scanned,
                    limited);
        });
    }

    /**
     * Every record of a small topic (a compacted table such as the stop-list), in each partition's order;
     * refused when it holds more than {@code limit}, rather than read without end.
     */
    public static List<ConsumerRecord<byte[], byte[]>> whole(UserClients clients, String topic, int limit) {
        return clients.withConsumer(consumer -> {
            Map<TopicPartition, Range> ranges = ranges(consumer, topic, clients.timeout());
            long total = ranges.values().stream().mapToLong(Range::count).sum();
            if (total > limit) {
                throw new IllegalStateException("topic " + topic + " holds " + total + " records, more than the "
                        + limit + " the console reads whole");
            }
            Map<TopicPartition, long[]> windows = new HashMap<>();
            ranges.forEach((partition, range) -> windows.put(partition, new long[] {range.begin(), range.end()}));
            List<ConsumerRecord<byte[], byte[]>> read = read(consumer, windows, clients.timeout());
            read.sort(Comparator.comparingInt((ConsumerRecord<byte[], byte[]> record) -> record.partition())
                    .thenComparingLong(ConsumerRecord::offset));
            return read;
        });
    }

    private static final Comparator<ConsumerRecord<byte[], byte[]>> NEWEST_FIRST = Comparator
            .comparingLong((ConsumerRecord<byte[], byte[]> record) -> record.timestamp())
            .thenComparingLong(ConsumerRecord::offset).thenComparingInt(ConsumerRecord::partition).reversed();

    private static Map<TopicPartition, Range> ranges(KafkaConsumer<byte[], byte[]> consumer, String topic,
            Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new UnknownTopicException(topic);
        }
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Range> ranges = new HashMap<>();
        partitions.forEach(partition -> ranges.put(partition,
                new Range(partition.partition(), begins.get(partition), ends.get(partition))));
        return ranges;
    }

    private static List<Range> sorted(Map<TopicPartition, Range> ranges) {
        return ranges.values().stream().sorted(Comparator.comparingInt(Range::partition)).toList();
    }

    /** The records of each partition's window [from, until), reading until every position reached its end. */
    private static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, long[]> windows, Duration timeout) {
        Map<TopicPartition, long[]> open = new HashMap<>();
        windows.forEach((partition, window) -> {
            if (window[0] < window[1]) {
                open.put(partition, window);
            }
        });
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        if (open.isEmpty()) {
            return records;
        }
        consumer.assign(open.keySet());
        consumer.resume(consumer.paused());
        open.forEach((partition, window) -> consumer.seek(partition, window[0]));
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<TopicPartition> done = new HashSet<>();
        while (done.size() < open.size()) {
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("reading " + open.keySet() + " took longer than "
                        + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                long[] window = open.get(partition);
                if (window != null && record.offset() >= window[0] && record.offset() < window[1]) {
                    records.add(record);
                }
            }
            for (Map.Entry<TopicPartition, long[]> entry : open.entrySet()) {
                if (!done.contains(entry.getKey()) && consumer.position(entry.getKey()) >= entry.getValue()[1]) {
                    done.add(entry.getKey());
                    consumer.pause(List.of(entry.getKey()));
                }
            }
        }
        return records;
    }

    /** The topic does not exist, or the user may not describe it (Kafka does not tell which). */
    public static final class UnknownTopicException extends RuntimeException {

        public UnknownTopicException(String topic) {
            super("topic " + topic + " does not exist, or you may not describe it");
        }
    }
}
