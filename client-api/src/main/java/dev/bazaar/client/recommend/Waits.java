package dev.bazaar.client.recommend;

import dev.bazaar.client.InvalidParameterException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The {@code wait} parameter of {@code GET /recommendations/{customer}}: seconds (a decimal such as
 * {@code 2.5} is fine) from 0 up to the configured wait, which it may shorten but never extend.
 */
public final class Waits {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Waits() {
    }

    /** How long to wait: {@code wait} capped at {@code max}, or {@code max} when {@code wait} is absent. */
    public static Duration of(String wait, Duration max) {
        if (wait == null || wait.isBlank()) {
            return max;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(wait.strip());
        } catch (NumberFormatException e) {
            throw invalid(wait);
        }
        if (seconds.signum() < 0) {
            throw invalid(wait);
        }
        if (seconds.compareTo(BigDecimal.valueOf(max.toSeconds() + 1)) >= 0) {
            return max;
        }
        Duration asked = Duration.ofNanos(seconds.multiply(NANOS_PER_SECOND).longValue());
        return asked.compareTo(max) < 0 ? asked : max;
    }

    private static InvalidParameterException invalid(String wait) {
        return new InvalidParameterException("wait", "must be a number of seconds, 0 or more, was '"
                + (wait.length() > 20 ? wait.substring(0, 20) + "..." : wait) + "'");
    }
}
