package dev.bazaar.analytics.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When runs are due: at {@code origin + k × every} for k = 1, 2, …. After a run, the next one is the
 * first slot still ahead, so a run that overruns its interval makes the scheduler skip the slots it
 * missed instead of starting runs back to back.
 */
public final class Schedule {

    private Schedule() {
    }

    /** The first slot after {@code now} (a slot exactly at {@code now} counts as passed). */
    public static Instant nextDue(Instant origin, Duration every, Instant now) {
        if (now.isBefore(origin)) {
            return origin.plus(every);
        }
        long elapsed = Duration.between(origin, now).toMillis();
        long slots = elapsed / every.toMillis() + 1;
        return origin.plus(every.multipliedBy(slots));
    }
}
