package dev.bazaar.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a de-duplicator decided, for Prometheus: records seen, passed on as the first copy, and
 * dropped as later copies. Counted in the processor, so a record reprocessed after a crash (exactly
 * once: its transaction was aborted) is counted again; the topics hold the exact figures.
 */
public final class DedupMetrics {

    private final String prefix;
    private final AtomicLong unique = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    /** Counters named {@code <prefix>_unique_total} and {@code <prefix>_duplicates_total}. */
    public DedupMetrics(String prefix) {
        if (!prefix.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric prefix '" + prefix + "' must match [a-z_][a-z0-9_]*");
        }
        this.prefix = prefix;
    }

    /** Counts a first copy (called by the de-duplicators of this module: the Streams step and the consumer wrapper). */
    public void unique() {
        unique.incrementAndGet();
    }

    /** Counts a later copy. */
    public void duplicate() {
        duplicates.incrementAndGet();
    }

    public long uniqueCount() {
        return unique.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }

    /** Counter name (Prometheus style) to value. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(prefix + "_unique_total", unique.get());
        counters.put(prefix + "_duplicates_total", duplicates.get());
        return counters;
    }
}
