package dev.bazaar.hdfs.loader;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one Kafka partition of a task stands: the batch collecting records, the batch waiting to
 * be committed after an HDFS error (its partition paused meanwhile), and the offset up to which
 * everything is committed.
 */
final class PartitionState {

    private PartitionBatch open;
    private PartitionBatch pending;
    private int failedAttempts;
    private Instant retryAt = Instant.MIN;
    /** One past the last committed offset, or -1 before the first commit of an unknown position. */
    private long committedNext;
    /** One past the last offset taken into a batch: earlier offsets delivered again are skipped. */
    private long nextOffset;

    PartitionState(Optional<Long> recovered) {
        this.committedNext = recovered.orElse(-1L);
        this.nextOffset = committedNext;
    }

    PartitionBatch open() {
        return open;
    }

    PartitionBatch openOrStart(String topic, int partition, Instant now) {
        if (open == null) {
            open = new PartitionBatch(topic, partition, now);
        }
        return open;
    }

    /** Whether an offset was taken already (a delivery repeated after a rewind). */
    boolean seen(long offset) {
        return nextOffset >= 0 && offset < nextOffset;
    }

    void taken(long offset) {
        nextOffset = offset + 1;
    }

    /** Moves the open batch to pending, unless a commit is pending already; returns whether it did. */
    boolean freeze() {
        if (pending != null || open == null || open.isEmpty()) {
            return false;
        }
        pending = open;
        open = null;
        return true;
    }

    Optional<PartitionBatch> pending() {
        return Optional.ofNullable(pending);
    }

    void committed() {
        committedNext = pending.last() + 1;
        pending = null;
        failedAttempts = 0;
        retryAt = Instant.MIN;
    }

    /** Records a failed commit; returns the number of failures in a row. */
    int failed(Instant now, Duration backoff) {
        failedAttempts++;
        retryAt = now.plus(backoff);
        return failedAttempts;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    boolean retryDue(Instant now) {
        return pending != null && !now.isBefore(retryAt);
    }

    long committedNext() {
        return committedNext;
    }
}
