package dev.bazaar.platform.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final RestartPolicy policy = new RestartPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofSeconds(8));

    @Test
    void theFirstDeathIsRestartedAtOnceLaterOnesAfterADoublingCappedBackOff() {
        // when shop-api dies the first time
        assertThat(policy.onDeath("shop-api", T0)).as("first death").isEqualTo(new RestartPolicy.Restart(1));
        policy.restarted("shop-api", T0);

        // then a second death right after waits 5 s, and is restarted once they have passed
        assertThat(policy.onDeath("shop-api", T0.plusSeconds(1))).as("second death after 1 s")
                .isEqualTo(new RestartPolicy.Wait(Duration.ofSeconds(4)));
        assertThat(policy.onDeath("shop-api", T0.plusSeconds(5))).as("second death after 5 s")
                .isEqualTo(new RestartPolicy.Restart(2));
        policy.restarted("shop-api", T0.plusSeconds(5));

        // and the third waits 10 s, capped at 8
        assertThat(policy.onDeath("shop-api", T0.plusSeconds(12))).as("third death 7 s after the second restart")
                .isEqualTo(new RestartPolicy.Wait(Duration.ofSeconds(1)));
        assertThat(policy.onDeath("registry", T0.plusSeconds(12))).as("another component meanwhile")
                .isEqualTo(new RestartPolicy.Restart(1));
    }

    @Test
    void aFourthDeathWithinTheWindowIsACrashLoopAndOldRestartsAgeOut() {
        // given three restarts within five minutes
        policy.restarted("connect", T0);
        policy.restarted("connect", T0.plusSeconds(10));
        policy.restarted("connect", T0.plusSeconds(30));

        // when it dies again within the window, then the supervisor gives up
        assertThat(policy.onDeath("connect", T0.plusSeconds(60))).as("fourth death within 5 min")
                .isEqualTo(new RestartPolicy.CrashLoop(3, Duration.ofMinutes(5)));

        // when it dies long after the first restarts instead, then those no longer count
        assertThat(policy.onDeath("connect", T0.plus(Duration.ofMinutes(5)).plusSeconds(15)))
                .as("death after the first two restarts aged out").isEqualTo(new RestartPolicy.Restart(2));

        // and a person starting it clears its history
        policy.forget("connect");
        assertThat(policy.onDeath("connect", T0.plusSeconds(61))).as("after forget").isEqualTo(new RestartPolicy.Restart(1));
    }
}
