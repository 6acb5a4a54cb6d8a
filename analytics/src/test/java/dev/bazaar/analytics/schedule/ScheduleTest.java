package dev.bazaar.analytics.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant ORIGIN = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(5);

    @Test
    void theNextSlotIsTheFirstOneStillAhead() {
        assertThat(Schedule.nextDue(ORIGIN, EVERY, ORIGIN)).as("at the origin")
                .isEqualTo(Instant.parse("2026-11-23T12:05:00Z"));
        assertThat(Schedule.nextDue(ORIGIN, EVERY, Instant.parse("2026-11-23T12:04:59Z"))).as("just before a slot")
                .isEqualTo(Instant.parse("2026-11-23T12:05:00Z"));
        assertThat(Schedule.nextDue(ORIGIN, EVERY, Instant.parse("2026-11-23T12:05:00Z"))).as("exactly at a slot")
                .isEqualTo(Instant.parse("2026-11-23T12:10:00Z"));
        assertThat(Schedule.nextDue(ORIGIN, EVERY, Instant.parse("2026-11-23T12:17:00Z"))).as("slots missed")
                .isEqualTo(Instant.parse("2026-11-23T12:20:00Z"));
        assertThat(Schedule.nextDue(ORIGIN, EVERY, Instant.parse("2026-11-23T11:00:00Z"))).as("clock set back")
                .isEqualTo(Instant.parse("2026-11-23T12:05:00Z"));
    }
}
