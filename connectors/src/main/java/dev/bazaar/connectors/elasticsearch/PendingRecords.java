package dev.bazaar.connectors.elasticsearch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * Records handed to the task whose writes Elasticsearch has not acknowledged yet, in the order
 * they arrived. A record leaves only once its bulk request succeeded, so the lowest offset still
 * here is the offset a partition may commit up to: everything before it is indexed (or was
 * skipped on purpose).
 */
final class PendingRecords {

    private final ArrayDeque<PendingRecord> queue = new ArrayDeque<>();

    void add(PendingRecord pending) {
        queue.addLast(pending);
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** When the oldest record was buffered, on the task's nanosecond clock; empty when nothing is pending. */
    OptionalLong oldestBufferedAtNanos() {
        PendingRecord oldest = queue.peekFirst();
        return oldest == null ? OptionalLong.empty() : OptionalLong.of(oldest.bufferedAtNanos());
    }

    /** The oldest {@code max} records, still held here. */
    List<PendingRecord> oldest(int max) {
        List<PendingRecord> batch = new ArrayList<>(Math.min(max, queue.size()));
        for (PendingRecord pending : queue) {
            if (batch.size() == max) {
                break;
            }
            batch.add(pending);
        }
        return batch;
    }

    /** Drops the oldest {@code count} records, once their writes are acknowledged. */
    void acknowledgeOldest(int count) {
        for (int i = 0; i < count; i++) {
            queue.removeFirst();
        }
    }

    /** The lowest pending offset of each partition that has pending records. */
    Map<TopicPartition, Long> lowestOffsets() {
        Map<TopicPartition, Long> lowest = new HashMap<>();
        for (PendingRecord pending : queue) {
            lowest.merge(Records.partition(pending.record()), Records.offset(pending.record()), Math::min);
        }
        return lowest;
    }

    /** Forgets the records of {@code partitions}, which this task no longer owns; returns how many. */
    int drop(Collection<TopicPartition> partitions) {
        Set<TopicPartition> revoked = new HashSet<>(partitions);
        int before = queue.size();
        queue.removeIf(pending -> revoked.contains(Records.partition(pending.record())));
        return before - queue.size();
    }
}
