package dev.bazaar.connectors.elasticsearch;

import java.time.Duration;

/** Waits out a backoff; tests pass one that records the wait instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
