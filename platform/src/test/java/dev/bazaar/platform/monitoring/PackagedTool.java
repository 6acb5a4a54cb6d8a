package dev.bazaar.platform.monitoring;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program of the Debian monitoring packages (promtool, amtool, prometheus, the blackbox exporter)
 * that the tests run as the platform does: found on the PATH, run with a deadline, its output kept.
 */
record PackagedTool(String command, String debianPackage) {

    static final PackagedTool PROMTOOL = new PackagedTool("promtool", "prometheus");
    static final PackagedTool AMTOOL = new PackagedTool("amtool", "prometheus-alertmanager");
    static final PackagedTool PROMETHEUS = new PackagedTool("prometheus", "prometheus");
    static final PackagedTool BLACKBOX_EXPORTER =
            new PackagedTool("prometheus-blackbox-exporter", "prometheus-blackbox-exporter");

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    /** What one run printed (stdout and stderr together) and how it ended. */
    record Run(List<String> command, int exitCode, String output) {

        String describe() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
        }
    }

    /** The installed program; fails the test, saying how to install it, when it is not installed. */
    Path executable() {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/local/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            fail(command + " is not installed (Debian package " + debianPackage + "): ./bazaar test installs it, "
                    + "or run: sudo apt-get install -y " + debianPackage);
        }
        return found.get();
    }

    /** Runs the program with {@code args} and waits for it to end (at most two minutes). */
    Run run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(this.command, ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not end within " + DEADLINE);
                }
                return new Run(command, process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Starts the program with {@code args} in the background, its output going to {@code log}. */
    Process start(Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }
}
