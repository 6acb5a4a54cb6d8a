package dev.bazaar.platform.component;

import dev.bazaar.platform.monitoring.ScrapeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a component needs while it starts: the keystores issued for this run, where to say what it
 * does, how long it may take, and the scrape targets of everything selected (for Prometheus).
 */
public record StartContext(Map<String, Path> keystores, Progress progress, Duration timeout,
        List<ScrapeTarget> scrapeTargets) {

    public StartContext {
        keystores = Map.copyOf(keystores);
        scrapeTargets = List.copyOf(scrapeTargets);
    }

    /** The keystore issued for {@code identity}; fails when none was (a component declared no such identity). */
    public Path keystore(String identity) {
        Path keystore = keystores.get(identity);
        if (keystore == null) {
            throw new IllegalStateException("no keystore issued for '" + identity + "'; issued: " + keystores.keySet());
        }
        return keystore;
    }
}
