package dev.bazaar.platform.process;

import java.time.Duration;

/** The pause between two readiness probes of a wait that is bounded by a deadline elsewhere. */
public final class Poll {

    public static final Duration INTERVAL = Duration.ofMillis(250);

    private Poll() {
    }

    public static void pause() {
        try {
            Thread.sleep(INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a component", e);
        }
    }
}
