package dev.bazaar.dedup.app;

import dev.bazaar.dedup.KeySource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one de-duplicating job does, typed: the topics it reads and writes, what makes two records
 * copies, and how long a key is remembered. {@link DedupConfig} makes it from the configuration;
 * {@link DedupTopology} builds the topology from it alone, so tests give it directly.
 *
 * @param from the topic read
 * @param to where the first copy of each record goes, unchanged
 * @param duplicates where later copies go, unchanged; empty: they are dropped (and counted)
 * @param deadLetter where records that cannot be keyed go; empty: such a record stops the app
 * @param keyFields the JSON fields of the value that form the key; empty: the record key is the key
 * @param retention how long a key is remembered, in stream time
 */
public record DedupJob(String from, String to, Optional<String> duplicates, Optional<String> deadLetter,
        List<String> keyFields, Duration retention) {

    public DedupJob {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(deadLetter, "deadLetter");
        keyFields = List.copyOf(keyFields);
        Objects.requireNonNull(retention, "retention");
    }

    /** A job keyed by the record key (the events pipeline's way), with no duplicates or dead-letter topic. */
    public static DedupJob byRecordKey(String from, String to, Duration retention) {
        return new DedupJob(from, to, Optional.empty(), Optional.empty(), List.of(), retention);
    }

    /** Whether the record key is the key (no key fields). */
    public boolean keyedByRecordKey() {
        return keyFields.isEmpty();
    }

    /** Where the job's keys come from: the record key, or the key fields of the value. */
    public KeySource keySource() {
        return keyedByRecordKey() ? KeySource.recordKey() : KeySource.valueFields(keyFields);
    }

    /** This job with later copies sent to {@code topic}. */
    public DedupJob withDuplicates(String topic) {
        return new DedupJob(from, to, Optional.of(topic), deadLetter, keyFields, retention);
    }

    /** This job with records that cannot be keyed sent to {@code topic}. */
    public DedupJob withDeadLetter(String topic) {
        return new DedupJob(from, to, duplicates, Optional.of(topic), keyFields, retention);
    }

    /** This job keyed by {@code fields} of the JSON value. */
    public DedupJob withKeyFields(List<String> fields) {
        return new DedupJob(from, to, duplicates, deadLetter, fields, retention);
    }

    /** One line for logs and the CLI: {@code from -> to (copies -> d), key: ..., retention 7d}. */
    public String describe() {
        return from + " -> " + to + " (copies -> " + duplicates.orElse("dropped") + ", unkeyable -> "
                + deadLetter.orElse("stop") + "), key: " + (keyedByRecordKey() ? "the record key"
                : "fields " + String.join(",", keyFields)) + ", retention " + Retention.format(retention);
    }
}
