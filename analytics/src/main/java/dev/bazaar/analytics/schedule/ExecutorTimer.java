package dev.bazaar.analytics.schedule;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A {@link Timer} on a scheduled executor: a single thread runs the job, so runs never overlap. */
public record ExecutorTimer(ScheduledExecutorService executor) implements Timer {

    @Override
    public void schedule(Runnable task, Duration delay) {
        executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
}
