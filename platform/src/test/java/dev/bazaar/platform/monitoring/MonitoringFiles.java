package dev.bazaar.platform.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The monitoring files of this checkout: {@code prometheus/} and {@code grafana/}. */
final class MonitoringFiles {

    private MonitoringFiles() {
    }

    /** The checkout: system property {@code bazaar.home}, else the parent of the module folder tests run in. */
    static Path home() {
        Path home = Path.of(System.getProperty("bazaar.home", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("prometheus"))) {
            throw new IllegalStateException("no prometheus/ folder in " + home + ": set -Dbazaar.home to the checkout");
        }
        return home;
    }

    static Path prometheus() {
        return home().resolve("prometheus");
    }

    static Path dashboards() {
        return home().resolve("grafana/dashboards");
    }

    /** The files of {@code dir} whose names end with {@code suffix}, sorted by name. */
    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
