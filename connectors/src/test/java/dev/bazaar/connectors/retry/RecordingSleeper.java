package dev.bazaar.connectors.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records each wait instead of sleeping. */
public final class RecordingSleeper implements Sleeper {

    public final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
