package dev.bazaar.shop.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Publication and change times, drawn from the seed inside a fixed year and never read from the clock, so that
 * the catalog is the same whenever it is generated.
 */
final class Timeline {

    static final Instant FIRST = Instant.parse("2025-10-01T00:00:00Z");
    static final Instant LAST = Instant.parse("2026-10-01T00:00:00Z");

    private static final long MINUTES = Duration.between(FIRST, LAST).toMinutes();
    private static final long MAX_EDIT_MINUTES = Duration.ofDays(60).toMinutes();

    private Timeline() {
    }

    /** When the product was first published: a whole minute within [FIRST, LAST). */
    static Instant created(SplittableRandom rng) {
        return FIRST.plus(rng.nextLong(MINUTES), ChronoUnit.MINUTES);
    }

    /** When it was last changed: unchanged for about one product in five, otherwise up to 60 days later. */
    static Instant updated(Instant created, SplittableRandom rng) {
        return Dice.chance(0.2, rng) ? created : created.plus(1 + rng.nextLong(MAX_EDIT_MINUTES), ChronoUnit.MINUTES);
    }
}
