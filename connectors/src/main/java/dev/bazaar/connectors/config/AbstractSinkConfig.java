package dev.bazaar.connectors.config;

import dev.bazaar.connectors.retry.RetryPolicy;
import dev.bazaar.connectors.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * What the configurations of our sink connectors share, as Kafka's {@code MirrorConnectorConfig} does for
 * MirrorMaker's: the batch size and the retry keys (their defaults, ranges and groups; each connector says in
 * its own docs what a batch and a retry are), their typed getters, and the rule between the backoff keys.
 * A subclass adds its keys and rules, and calls {@link #requireNoViolations()} once its fields are set.
 */
public abstract class AbstractSinkConfig extends AbstractConfig {

    protected static final String BATCH_GROUP = "Batching";
    protected static final String RETRY_GROUP = "Retries";

    public static final String BATCH_SIZE = "batch.size";
    private static final int BATCH_SIZE_DEFAULT = 500;

    public static final String MAX_RETRIES = "max.retries";
    private static final int MAX_RETRIES_DEFAULT = 10;

    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    private static final long RETRY_BACKOFF_MS_DEFAULT = 100L;

    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    private static final String RETRY_BACKOFF_MAX_MS_DOC = "Upper bound in milliseconds of the backoff ceiling. "
            + "Must be at least retry.backoff.ms.";
    private static final long RETRY_BACKOFF_MAX_MS_DEFAULT = 10_000L;

    /**
     * @param doLog whether to log the values (off when only listing the rules broken, for Connect's validate)
     */
    protected AbstractSinkConfig(ConfigDef definition, Map<?, ?> props, boolean doLog) {
        super(definition, props, doLog);
    }

    /** Defines {@value #BATCH_SIZE}, first of the batching group. */
    protected static void defineBatchSize(ConfigDef def, String doc) {
        def.define(BATCH_SIZE, Type.INT, BATCH_SIZE_DEFAULT, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
                doc, BATCH_GROUP, 1, Width.SHORT, "Batch size");
    }

    /** Defines the retry group: {@value #MAX_RETRIES}, {@value #RETRY_BACKOFF_MS}, {@value #RETRY_BACKOFF_MAX_MS}. */
    protected static void defineRetries(ConfigDef def, String maxRetriesDoc, String retryBackoffDoc) {
        int order = 0;
        def.define(MAX_RETRIES, Type.INT, MAX_RETRIES_DEFAULT, ConfigDef.Range.between(0, 100), Importance.MEDIUM,
                maxRetriesDoc, RETRY_GROUP, ++order, Width.SHORT, "Max retries");
        def.define(RETRY_BACKOFF_MS, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, ConfigDef.Range.between(0, 60_000),
                Importance.LOW, retryBackoffDoc, RETRY_GROUP, ++order, Width.SHORT, "Retry backoff (ms)");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, RETRY_BACKOFF_MAX_MS_DEFAULT, ConfigDef.Range.between(0, 300_000),
                Importance.LOW, RETRY_BACKOFF_MAX_MS_DOC, RETRY_GROUP, ++order, Width.SHORT, "Max retry backoff (ms)");
    }

    /**
     * The rules between keys these values break, in key order; empty when the configuration is usable. A
     * subclass with rules of its own lists them and then {@link #backoffViolation()}.
     */
    public List<ConfigViolation> crossKeyViolations() {
        return backoffViolation().stream().toList();
    }

    /** {@value #RETRY_BACKOFF_MAX_MS} below {@value #RETRY_BACKOFF_MS}, if it is. */
    protected final Optional<ConfigViolation> backoffViolation() {
        if (retryBackoffMax().compareTo(retryBackoff()) < 0) {
            return Optional.of(new ConfigViolation(RETRY_BACKOFF_MAX_MS, retryBackoffMax().toMillis(),
                    "must be at least " + RETRY_BACKOFF_MS + " (" + retryBackoff().toMillis() + ")"));
        }
        return Optional.empty();
    }

    /** Throws the first rule between keys these values break, as a {@code ConfigException} naming its key. */
    protected final void requireNoViolations() {
        List<ConfigViolation> violations = crossKeyViolations();
        if (!violations.isEmpty()) {
            throw violations.getFirst().toException();
        }
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS));
    }

    /** The retry policy these values ask for, with random jitter, waiting with {@code sleeper}. */
    public RetryPolicy retryPolicy(Sleeper sleeper) {
        return RetryPolicy.jittered(maxRetries(), retryBackoff(), retryBackoffMax(), sleeper);
    }
}
