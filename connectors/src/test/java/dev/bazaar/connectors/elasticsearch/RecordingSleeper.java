package dev.bazaar.connectors.elasticsearch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records each wait instead of sleeping. */
final class RecordingSleeper implements Sleeper {

    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
