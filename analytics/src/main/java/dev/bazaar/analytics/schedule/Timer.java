package dev.bazaar.analytics.schedule;

import java.time.Duration;

/** Runs a task after a delay: a single-thread executor in production, a hand-driven fake in tests. */
@FunctionalInterface
public interface Timer {

    void schedule(Runnable task, Duration delay);
}
