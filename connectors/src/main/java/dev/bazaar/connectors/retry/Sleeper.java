package dev.bazaar.connectors.retry;

import java.time.Duration;

/** Waits out a backoff; tests pass one that records the wait instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
