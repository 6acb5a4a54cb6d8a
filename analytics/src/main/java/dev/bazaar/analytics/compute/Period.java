package dev.bazaar.analytics.compute;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The interval {@code [from, to)} a run's recommendations and report are based on. */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period must start before it ends: " + from + " .. " + to);
        }
    }

    /** The {@code length} before {@code now}, to the second. */
    public static Period endingAt(Instant now, Duration length) {
        Instant to = now.truncatedTo(ChronoUnit.SECONDS);
        return new Period(to.minus(length), to);
    }

    @Override
    public String toString() {
        return from + " .. " + to;
    }
}
