package dev.bazaar.platform.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * When the supervisor restarts a dead component: at once the first time, then after a back-off
 * that doubles with each restart within the window (up to a cap); and not at all once it has been
 * restarted {@code maxRestarts} times within the window and died again, a crash loop that needs a
 * person ({@code bazaar start <component>} clears it).
 */
public final class RestartPolicy {

    /** What to do now about a component found dead. */
    public sealed interface Decision {
    }

    /** Restart it now. */
    public record Restart(int attempt) implements Decision {
    }

    /** Not yet: the back-off has {@code remaining} to run. */
    public record Wait(Duration remaining) implements Decision {
    }

    /** It died {@code restarts} times within the window: stop trying. */
    public record CrashLoop(int restarts, Duration window) implements Decision {
    }

    private final int maxRestarts;
    private final Duration window;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();

    public RestartPolicy(int maxRestarts, Duration window, Duration firstBackoff, Duration maxBackoff) {
        this.maxRestarts = maxRestarts;
        this.window = window;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** 3 restarts within 5 minutes; back-off 5 s, 10 s, ... up to 60 s after the first, immediate restart. */
    public static RestartPolicy defaults() {
        return new RestartPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** The decision for {@code component}, found dead at {@code now}. */
    public synchronized Decision onDeath(String component, Instant now) {
        Deque<Instant> recent = recent(component, now);
        if (recent.size() >= maxRestarts) {
            return new CrashLoop(recent.size(), window);
        }
        if (recent.isEmpty()) {
            return new Restart(1);
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(recent.size() - 1, 16));
        backoff = backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        Duration elapsed = Duration.between(recent.peekLast(), now);
        return elapsed.compareTo(backoff) >= 0 ? new Restart(recent.size() + 1) : new Wait(backoff.minus(elapsed));
    }

    /** Records that {@code component} was restarted at {@code now}. */
    public synchronized void restarted(String component, Instant now) {
        restarts.computeIfAbsent(component, name -> new ArrayDeque<>()).addLast(now);
    }

    /** Forgets the restarts of {@code component} (a person started it again). */
    public synchronized void forget(String component) {
        restarts.remove(component);
    }

    private Deque<Instant> recent(String component, Instant now) {
        Deque<Instant> recent = restarts.computeIfAbsent(component, name -> new ArrayDeque<>());
        while (!recent.isEmpty() && Duration.between(recent.peekFirst(), now).compareTo(window) > 0) {
            recent.removeFirst();
        }
        return recent;
    }
}
