package dev.bazaar.connectors.jdbc;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a task did with the records it was given, logged at info every {@link #SUMMARY_EVERY} and at
 * stop: rows inserted, rows skipped because they were there already (a redelivery), records handed
 * to the errant record reporter, tombstones skipped.
 */
final class SinkCounters {

    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SinkCounters.class);

    private final String target;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastSummaryNanos;
    private long inserted;
    private long duplicates;
    private long unknown;
    private long errant;
    private long tombstones;

    SinkCounters(String target, LongSupplier nanoClock) {
        this.target = target;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastSummaryNanos = startNanos;
    }

    void add(BatchWriter.Outcome outcome) {
        inserted += outcome.inserted();
        duplicates += outcome.skipped();
        unknown += outcome.unknown();
    }

    void errant(long records) {
        errant += records;
    }

    void tombstone() {
        tombstones++;
    }

    long inserted() {
        return inserted;
    }

    long duplicates() {
        return duplicates;
    }

    long errant() {
        return errant;
    }

    /** Logs the summary when the last one is {@link #SUMMARY_EVERY} old. */
    void maybeLogSummary() {
        long now = nanoClock.getAsLong();
        if (now - lastSummaryNanos >= SUMMARY_EVERY.toNanos()) {
            lastSummaryNanos = now;
            log.info("{}", summary());
        }
    }

    String summary() {
        return "Into " + target + " in " + Duration.ofNanos(nanoClock.getAsLong() - startNanos).toSeconds() + " s: "
                + inserted + " rows inserted, " + duplicates + " skipped as already there"
                + (unknown > 0 ? ", " + unknown + " written without a count from the driver" : "") + ", " + errant
                + " records to the errant record reporter, " + tombstones + " tombstones skipped";
    }
}
