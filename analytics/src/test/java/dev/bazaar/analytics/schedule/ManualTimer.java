package dev.bazaar.analytics.schedule;

import dev.bazaar.platform.it.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A timer that only records what was scheduled; the test fires the tasks, moving its clock to each. */
final class ManualTimer implements Timer {

    private final ManualClock clock;
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();

    ManualTimer(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        tasks.add(task);
        delays.add(delay);
    }

    /** Moves the clock to when the next task is due and runs it. */
    void fireNext() {
        clock.advance(delays.get(delays.size() - tasks.size()));
        tasks.poll().run();
    }

    List<Duration> delays() {
        return delays;
    }

    int pending() {
        return tasks.size();
    }
}
