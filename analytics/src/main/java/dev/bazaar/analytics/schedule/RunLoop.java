package dev.bazaar.analytics.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the job on its {@link Schedule}, one run at a time, and keeps how the last one ended. A run
 * that fails (or throws) is recorded as failed and the next one is scheduled all the same.
 */
public final class RunLoop {

    private static final Logger log = LoggerFactory.getLogger(RunLoop.class);

    private final Clock clock;
    private final Timer timer;
    private final ScheduledJob job;
    private final Duration every;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Instant origin;
    private volatile Instant nextRunAt;
    private volatile LastRun lastRun;
    private volatile boolean running;
    private volatile boolean stopped;

    public RunLoop(Clock clock, Timer timer, ScheduledJob job, Duration every) {
        this.clock = clock;
        this.timer = timer;
        this.job = job;
        this.every = every;
    }

    /** Schedules the first run, one interval from now. */
    public void start() {
        origin = clock.instant();
        log.info("analytics runs every {}; the first run is at {}", every, origin.plus(every));
        scheduleNext();
    }

    /** No run starts after this; a run in progress finishes (its job decides how soon). */
    public void stop() {
        stopped = true;
    }

    public SchedulerStatus status() {
        Instant next = stopped ? null : nextRunAt;
        return new SchedulerStatus("UP", every.toString(), runs.get(), failures.get(), running,
                next == null ? null : next.toString(), lastRun);
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        Instant next = Schedule.nextDue(origin, every, now);
        nextRunAt = next;
        timer.schedule(this::runOnce, Duration.between(now, next));
    }

    private void runOnce() {
        if (stopped) {
            return;
        }
        running = true;
        Instant started = clock.instant();
        log.info("run {} starts", runs.get() + 1);
        LastRun result;
        try {
            result = job.run(started);
        } catch (RuntimeException e) {
            log.error("run {} failed to start or finish: {}", runs.get() + 1, e.toString(), e);
            result = LastRun.failed(started, clock.instant(), null, e.toString(), null);
        } finally {
            running = false;
        }
        record(result);
        scheduleNext();
    }

    private void record(LastRun result) {
        lastRun = result;
        long run = runs.incrementAndGet();
        if (result.succeeded()) {
            log.info("run {} succeeded in {} s", run, result.seconds());
        } else {
            failures.incrementAndGet();
            log.error("run {} failed after {} s: {}", run, result.seconds(), result.error());
        }
    }
}
