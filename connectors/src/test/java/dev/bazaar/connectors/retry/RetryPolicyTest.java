package dev.bazaar.connectors.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(10);

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void ceilingsDoubleFromTheInitialBackoffUpToTheCap() {
        // given
        RetryPolicy policy = new RetryPolicy(10, INITIAL, MAX, () -> 1.0, sleeper);

        // when
        List<Long> ceilings = IntStream.rangeClosed(1, 10).mapToObj(policy::ceiling).map(Duration::toMillis).toList();

        // then
        assertThat(ceilings).as("ceilings of retries 1..10")
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 10_000L, 10_000L, 10_000L);
    }

    @Test
    void ceilingsStayCappedForVeryLateRetries() {
        // given
        RetryPolicy policy = new RetryPolicy(100, INITIAL, MAX, () -> 1.0, sleeper);

        // when / then
        assertThat(policy.ceiling(64)).as("ceiling of retry 64 (no overflow)").isEqualTo(MAX);
        assertThat(policy.ceiling(100)).as("ceiling of retry 100").isEqualTo(MAX);
    }

    @Test
    void fullJitterScalesTheCeilingByTheDrawnFraction() {
        // given
        RetryPolicy half = new RetryPolicy(10, INITIAL, MAX, () -> 0.5, sleeper);
        RetryPolicy none = new RetryPolicy(10, INITIAL, MAX, () -> 0.0, sleeper);

        // when / then
        assertThat(half.backoff(3)).as("half of the 400 ms ceiling").isEqualTo(Duration.ofMillis(200));
        assertThat(none.backoff(3)).as("zero draw").isZero();
    }

    @Test
    void awaitRetrySleepsTheJitteredBackoffWithoutRealSleeping() {
        // given
        RetryPolicy policy = new RetryPolicy(3, INITIAL, MAX, () -> 1.0, sleeper);

        // when
        for (int retry = 1; retry <= 3; retry++) {
            policy.awaitRetry(retry, "test failure", null);
        }

        // then
        assertThat(sleeper.waits).as("waits").containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    @Test
    void givesUpAfterMaxRetriesKeepingTheCause() {
        // given
        RetryPolicy policy = new RetryPolicy(2, INITIAL, MAX, () -> 1.0, sleeper);
        IllegalStateException cause = new IllegalStateException("node down");

        // when / then
        assertThatThrownBy(() -> policy.awaitRetry(3, "bulk failed", cause))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("after 2 retries")
                .hasMessageContaining("bulk failed")
                .hasCause(cause);
        assertThat(sleeper.waits).as("no wait before giving up").isEmpty();
    }

    @Test
    void zeroRetriesGivesUpAtOnce() {
        // given
        RetryPolicy policy = new RetryPolicy(0, INITIAL, MAX, () -> 1.0, sleeper);

        // when / then
        assertThatThrownBy(() -> policy.awaitRetry(1, "bulk failed", null)).isInstanceOf(ConnectException.class);
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterruptFlag() {
        // given
        RetryPolicy policy = new RetryPolicy(3, INITIAL, MAX, () -> 1.0, duration -> {
            throw new InterruptedException("stop");
        });

        // when / then
        try {
            assertThatThrownBy(() -> policy.awaitRetry(1, "bulk failed", null))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aMaximumBelowTheInitialBackoffIsRefused() {
        // when / then
        assertThatThrownBy(() -> new RetryPolicy(1, MAX, INITIAL, () -> 1.0, sleeper))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
