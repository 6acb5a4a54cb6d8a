package dev.bazaar.filter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the filter did, counted for Prometheus: records in, out, dropped, dead-lettered, retracted,
 * re-emitted, and stop-list changes applied.
 */
public final class FilterMetrics {

    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong retracted = new AtomicLong();
    private final AtomicLong reemitted = new AtomicLong();
    private final AtomicLong stopListUpdates = new AtomicLong();

    void in() {
        in.incrementAndGet();
    }

    void out() {
        out.incrementAndGet();
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    void deadLetter() {
        deadLetters.incrementAndGet();
    }

    void retracted() {
        retracted.incrementAndGet();
    }

    void reemitted() {
        reemitted.incrementAndGet();
    }

    void stopListUpdate() {
        stopListUpdates.incrementAndGet();
    }

    /** Counter name (Prometheus style, with {@code _total}) to value. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("stream_filter_records_in_total", in.get());
        counters.put("stream_filter_records_out_total", out.get());
        counters.put("stream_filter_records_dropped_total", dropped.get());
        counters.put("stream_filter_dead_letters_total", deadLetters.get());
        counters.put("stream_filter_tombstones_on_block_total", retracted.get());
        counters.put("stream_filter_reemitted_on_unblock_total", reemitted.get());
        counters.put("stream_filter_stop_list_updates_total", stopListUpdates.get());
        return counters;
    }
}
