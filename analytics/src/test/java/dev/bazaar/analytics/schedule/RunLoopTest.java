package dev.bazaar.analytics.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.RunSummary;
import dev.bazaar.platform.it.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLoopTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock(START);
    private final ManualTimer timer = new ManualTimer(clock);
    private final List<Instant> runsAt = new ArrayList<>();
    /** How long each coming run takes, and whether it succeeds (+) or fails (-). */
    private final Deque<Duration> durations = new ArrayDeque<>();

    private final ScheduledJob job = startedAt -> {
        runsAt.add(startedAt);
        Duration took = durations.poll();
        boolean fails = took.isNegative();
        clock.advance(took.abs());
        return fails ? LastRun.failed(startedAt, clock.instant(), 1, "HDFS at hdfs://127.0.0.1:9020 does not answer", null)
                : LastRun.succeeded(startedAt, clock.instant(), 0, summary());
    };

    @Test
    void theFirstRunIsOneIntervalAfterStartAndRunsKeepToTheirSlots() {
        // given runs of 30 s and 1 min
        durations.add(Duration.ofSeconds(30));
        durations.add(Duration.ofMinutes(1));
        RunLoop loop = new RunLoop(clock, timer, job, EVERY);

        // when
        loop.start();
        timer.fireNext();
        timer.fireNext();

        // then
        assertThat(runsAt).as("run starts").containsExactly(START.plus(EVERY), START.plus(EVERY.multipliedBy(2)));
        assertThat(timer.delays()).as("delays asked of the timer")
                .containsExactly(EVERY, EVERY.minusSeconds(30), EVERY.minusMinutes(1));
        assertThat(loop.status().nextRunAt()).as("next run").isEqualTo(START.plus(EVERY.multipliedBy(3)).toString());
    }

    @Test
    void aRunLongerThanTheIntervalSkipsTheSlotsItMissed() {
        // given a run of 12 minutes, then a short one
        durations.add(Duration.ofMinutes(12));
        durations.add(Duration.ofSeconds(10));
        RunLoop loop = new RunLoop(clock, timer, job, EVERY);

        // when
        loop.start();
        timer.fireNext();
        timer.fireNext();

        // then: the run started at 5 min ended at 17 min; the slots at 10 and 15 min are skipped
        assertThat(runsAt).as("run starts").containsExactly(START.plus(EVERY), START.plus(EVERY.multipliedBy(4)));
        assertThat(timer.delays().get(1)).as("delay after the long run").isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aFailedRunIsReportedAndTheNextRunStillHappens() {
        // given a run that fails, then one that succeeds
        durations.add(Duration.ofSeconds(20).negated());
        durations.add(Duration.ofSeconds(40));
        RunLoop loop = new RunLoop(clock, timer, job, EVERY);
        loop.start();

        // when
        timer.fireNext();
        SchedulerStatus afterFailure = loop.status();
        timer.fireNext();
        SchedulerStatus afterSuccess = loop.status();

        // then
        assertThat(afterFailure.lastRun().outcome()).as("outcome of the first run").isEqualTo("failed");
        assertThat(afterFailure.lastRun().error()).as("error of the first run").contains("hdfs://127.0.0.1:9020");
        assertThat(afterFailure.lastRun().seconds()).as("duration of the first run").isEqualTo(20.0);
        assertThat(afterFailure.failures()).as("failures after the first run").isEqualTo(1);
        assertThat(afterSuccess.runs()).as("runs").isEqualTo(2);
        assertThat(afterSuccess.failures()).as("failures").isEqualTo(1);
        assertThat(afterSuccess.lastRun().outcome()).as("outcome of the second run").isEqualTo("succeeded");
        assertThat(afterSuccess.lastRun().summary().customers()).as("customers of the second run").isEqualTo(5);
        assertThat(timer.pending()).as("runs still scheduled").isEqualTo(1);
    }

    @Test
    void aJobThatThrowsCountsAsAFailedRunAndTheScheduleGoesOn() {
        // given
        ScheduledJob broken = startedAt -> {
            throw new IllegalStateException("cannot start java");
        };
        RunLoop loop = new RunLoop(clock, timer, broken, EVERY);
        loop.start();

        // when
        timer.fireNext();

        // then
        assertThat(loop.status().lastRun().outcome()).as("outcome").isEqualTo("failed");
        assertThat(loop.status().lastRun().error()).as("error").contains("cannot start java");
        assertThat(timer.pending()).as("next run scheduled").isEqualTo(1);
    }

    @Test
    void beforeTheFirstRunTheStatusSaysWhenItWillBe() {
        // given
        RunLoop loop = new RunLoop(clock, timer, job, EVERY);

        // when
        loop.start();

        // then
        SchedulerStatus status = loop.status();
        assertThat(status.status()).as("status").isEqualTo("UP");
        assertThat(status.every()).as("every").isEqualTo("PT5M");
        assertThat(status.lastRun()).as("last run").isNull();
        assertThat(status.runs()).as("runs").isZero();
        assertThat(status.nextRunAt()).as("next run").isEqualTo("2026-11-23T12:05:00Z");
    }

    @Test
    void afterStopNoRunStarts() {
        // given
        durations.add(Duration.ofSeconds(30));
        RunLoop loop = new RunLoop(clock, timer, job, EVERY);
        loop.start();

        // when
        loop.stop();
        timer.fireNext();

        // then
        assertThat(runsAt).as("runs after stop").isEmpty();
        assertThat(timer.pending()).as("runs scheduled after stop").isZero();
        assertThat(loop.status().nextRunAt()).as("next run").isNull();
    }

    private static RunSummary summary() {
        return new RunSummary("succeeded", "", "", 1.0, "hdfs://127.0.0.1:9020/data/orders", 3, 30, 0, 25, 2, 20, 5, 12,
                600, 5, 1, "sales-20261123T120500Z", null);
    }
}
