package dev.bazaar.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.platform.it.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Guessing a principal's password: five refusals in five minutes, then a wait. */
class SignInThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void theFifthRefusalWithinTheWindowMakesTheNameWaitUntilTheFirstLeavesIt() {
        for (int i = 0; i < 4; i++) {
            throttle.refused("ops");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.waitBefore("ops")).as("after four").isEmpty();
        throttle.refused("ops");
        assertThat(throttle.waitBefore("ops")).as("after five").hasValue(Duration.ofMinutes(5).minusSeconds(40));
        assertThat(throttle.waitBefore("client")).as("another name").isEmpty();
        clock.advance(Duration.ofMinutes(5).minusSeconds(39));
        assertThat(throttle.waitBefore("ops")).as("once the first refusal left the window").isEmpty();
    }

    @Test
    void aSuccessForgetsTheRefusals() {
        for (int i = 0; i < 5; i++) {
            throttle.refused("ops");
        }
        throttle.succeeded("ops");
        assertThat(throttle.waitBefore("ops")).isEmpty();
    }
}
