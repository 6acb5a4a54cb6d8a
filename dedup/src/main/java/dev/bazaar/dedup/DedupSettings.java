package dev.bazaar.dedup;

import java.time.Duration;
import java.util.Objects;

/**
 * How a de-duplicator remembers what it saw: the name of its state store (and so of its changelog
 * topic, {@code <application.id>-<store>-changelog}) and how long a key is remembered. The retention
 * is measured in stream time — the largest record timestamp seen — so a record with a timestamp in the
 * future cannot expire every key at once as wall-clock arithmetic would let it.
 */
public record DedupSettings(String storeName, Duration retention) {

    /** The default: seven days, what the earlier systems kept their hashes for. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public DedupSettings {
        Objects.requireNonNull(storeName, "storeName");
        if (!storeName.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException("store name '" + storeName + "' must match [a-zA-Z0-9._-]+ (it names a topic)");
        }
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
    }
}
