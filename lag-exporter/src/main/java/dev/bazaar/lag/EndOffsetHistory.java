package dev.bazaar.lag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a partition's end offset passed each value, as far as the exporter has seen it: the samples it
 * took every interval, so a group's lag in records can be told in seconds without reading a record
 * (which would need READ on every topic) — the time the next record to consume was appended is
 * interpolated between the two samples around its offset, the way Burrow and kafka-lag-exporter do.
 *
 * <p>Bounded: only samples where the end moved are kept (a quiet partition costs one), and once the
 * table is full every second sample of its older half is dropped, so the history reaches ever further
 * back with coarser steps near its start and the recent past stays exact.
 */
final class EndOffsetHistory {

    /** One sample: at {@code at}, the end offset was {@code end}. */
    record Sample(Instant at, long end) {
    }

    private final int capacity;
    private final List<Sample> samples = new ArrayList<>();

    EndOffsetHistory(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("an end-offset history needs room for 4 samples at least, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records that the end offset was {@code end} at {@code at}; times must not go back. */
    void record(Instant at, long end) {
        if (!samples.isEmpty()) {
            Sample last = samples.get(samples.size() - 1);
            if (at.isBefore(last.at())) {
                return;
            }
            if (end < last.end()) {
                // the topic was deleted and created again (or truncated): the old history no longer describes it
                samples.clear();
            } else if (end == last.end() && samples.size() >= 2 && samples.get(samples.size() - 2).end() == end) {
                // still quiet: move the latest sample of the same end forward, keep the first one of the run
                samples.set(samples.size() - 1, new Sample(at, end));
                return;
            }
        }
        samples.add(new Sample(at, end));
        if (samples.size() > capacity) {
            thin();
        }
    }

    /**
     * How long ago, at {@code now}, the record at {@code offset} (the next one a group would consume) was
     * appended: zero when the group is at the end; interpolated between the samples around it; when it is
     * older than the history, the age of the oldest sample (a lower bound: the lag is at least that).
     */
    double secondsBehind(Instant now, long offset) {
        if (samples.isEmpty() || offset >= samples.get(samples.size() - 1).end()) {
            return 0;
        }
        Sample before = null;
        for (Sample sample : samples) {
            if (sample.end() > offset) {
                if (before == null) {
                    return seconds(sample.at(), now);
                }
                double share = (double) (offset - before.end()) / (sample.end() - before.end());
                double appendedAt = millis(before.at()) + share * (millis(sample.at()) - millis(before.at()));
                return Math.max(0, (millis(now) - appendedAt) / 1000.0);
            }
            before = sample;
        }
        return 0;
    }

    int size() {
        return samples.size();
    }

    private void thin() {
        int half = samples.size() / 2;
        List<Sample> kept = new ArrayList<>(capacity);
        for (int i = 0; i < half; i++) {
            if (i % 2 == 0) {
                kept.add(samples.get(i));
            }
        }
        kept.addAll(samples.subList(half, samples.size()));
        samples.clear();
        samples.addAll(kept);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, (millis(to) - millis(from)) / 1000.0);
    }

    private static double millis(Instant at) {
        return at.toEpochMilli();
    }
}
