package dev.bazaar.platform.component;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How long each component last took from its start to ready ({@code var/run/ready-times.properties}),
 * so that {@code status} can show it after {@code up} has exited.
 */
public final class ReadyTimes {

    private final Path file;

    public ReadyTimes(RuntimeLayout layout) {
        this.file = layout.runDir().resolve("ready-times.properties");
    }

    /** Records the times of {@code measured}, keeping those of the components not in it. */
    public synchronized void record(Map<String, Duration> measured) {
        if (measured.isEmpty()) {
            return;
        }
        Properties times = RunProperties.read(file);
        measured.forEach((component, time) -> times.setProperty(component, Long.toString(time.toMillis())));
        RunProperties.write(file, times, "milliseconds from start to ready, written by ./bazaar up and the supervisor");
    }

    /** The last recorded time of {@code component}. */
    public Optional<Duration> of(String component) {
        return Optional.ofNullable(RunProperties.read(file).getProperty(component)).map(Long::parseLong).map(Duration::ofMillis);
    }
}
