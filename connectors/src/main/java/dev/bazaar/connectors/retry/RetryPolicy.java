package dev.bazaar.connectors.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exponential backoff with full jitter, capped: before retry {@code n} (counting from 1) the task
 * waits a uniformly drawn time between 0 and {@code min(max, initial * 2^(n-1))}, and after
 * {@code maxRetries} retries it gives up. Full jitter spreads the retries of tasks that failed
 * together (one overloaded node rejecting everyone, a database that was away) instead of having them
 * return in step. Shared by our sink connectors.
 */
public final class RetryPolicy {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier jitter;
    private final Sleeper sleeper;

    /**
     * @param jitter supplies a fraction in [0, 1] the ceiling is multiplied by
     * @param sleeper waits out each backoff
     */
    public RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, DoubleSupplier jitter, Sleeper sleeper) {
        if (maxRetries < 0 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need maxRetries >= 0 and 0 <= initialBackoff <= maxBackoff, got "
                    + maxRetries + ", " + initialBackoff + ", " + maxBackoff);
        }
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
        this.sleeper = sleeper;
    }

    /** The policy a connector's configuration asks for, with random jitter. */
    public static RetryPolicy jittered(int maxRetries, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, () -> ThreadLocalRandom.current().nextDouble(),
                sleeper);
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** The most that retry {@code retry} (1-based) waits: the initial backoff doubled per earlier retry, capped. */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, got " + retry);
        }
        int doublings = Math.min(retry - 1, 62);
        long millis = initialBackoff.toMillis();
        long ceiling = millis > (maxBackoff.toMillis() >> doublings) ? maxBackoff.toMillis() : millis << doublings;
        return Duration.ofMillis(Math.min(ceiling, maxBackoff.toMillis()));
    }

    /** How long to wait before retry {@code retry} (1-based): a jittered fraction of its ceiling. */
    public Duration backoff(int retry) {
        double fraction = Math.clamp(jitter.getAsDouble(), 0.0, 1.0);
        return Duration.ofMillis(Math.round(ceiling(retry).toMillis() * fraction));
    }

    /**
     * Waits before retry {@code retry} (1-based), or gives up when the retries are used up.
     *
     * @param what what failed, for the log line and the exception
     * @param cause the last failure, kept as the cause when giving up
     * @throws ConnectException when {@code retry} exceeds the retries allowed, or the wait is interrupted
     */
    public void awaitRetry(int retry, String what, Throwable cause) {
        if (retry > maxRetries) {
            throw new ConnectException("Giving up after " + maxRetries + " retries: " + what, cause);
        }
        Duration wait = backoff(retry);
        log.warn("{}; retry {} of {} in {} ms", what, retry, maxRetries, wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while backing off after: " + what, e);
        }
    }
}
