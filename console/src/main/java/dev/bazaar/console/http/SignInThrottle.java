package dev.bazaar.console.http;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: a user name that Kafka refused {@value #LIMIT} times within
 * {@link #WINDOW} is refused without asking Kafka until the oldest of those refusals leaves the window.
 * A sign-in that succeeds forgets the user name's refusals.
 */
@Singleton
final class SignInThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, Deque<Instant>> refusals = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code username} must wait before Kafka is asked again; empty when it need not. */
    Optional<Duration> waitBefore(String username) {
        Deque<Instant> times = refusals.get(username);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant now = clock.instant();
            while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
                times.pollFirst();
            }
            return times.size() < LIMIT ? Optional.empty()
                    : Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    void refused(String username) {
        Deque<Instant> times = refusals.computeIfAbsent(username, name -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > LIMIT) {
                times.pollFirst();
            }
        }
    }

    void succeeded(String username) {
        refusals.remove(username);
    }
}
