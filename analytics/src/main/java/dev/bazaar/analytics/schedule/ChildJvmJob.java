package dev.bazaar.analytics.schedule;

import dev.bazaar.analytics.RunSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job in a JVM of its own (same java, same classpath, {@code AnalyticsCli run}), so the
 * gigabyte Spark takes is returned to the system between runs and a run that breaks its JVM breaks
 * nothing else. The child writes to the scheduler's own output (its log) and its summary to a file
 * the scheduler then reads; a child that outlives the timeout is killed.
 */
public final class ChildJvmJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(ChildJvmJob.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final List<String> command;
    private final Map<String, String> env;
    private final Path summaryFile;
    private final Duration timeout;
    private final Clock clock;
    private volatile Process current;

    public ChildJvmJob(List<String> command, Map<String, String> env, Path summaryFile, Duration timeout, Clock clock) {
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.summaryFile = summaryFile;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * {@code java <options> -cp <classpath> <mainClass> <args>}; on JDK 24+ with the flags that let
     * Spark, Kafka and Netty use sun.misc.Unsafe and Hadoop load native code without a warning.
     */
    public static List<String> javaCommand(String java, List<String> jvmOptions, String classpath, String mainClass,
            List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(jvmOptions);
        if (Runtime.version().feature() >= 24) {
            line.add("--sun-misc-unsafe-memory-access=allow");
            line.add("--enable-native-access=ALL-UNNAMED");
        }
        line.add("-cp");
        line.add(classpath);
        line.add(mainClass);
        line.addAll(args);
        return line;
    }

    @Override
    public LastRun run(Instant startedAt) {
        Process process;
        try {
            Files.deleteIfExists(summaryFile);
            process = start();
        } catch (IOException e) {
            return LastRun.failed(startedAt, clock.instant(), null, "cannot start the run's JVM: " + e.getMessage(), null);
        }
        current = process;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return LastRun.failed(startedAt, clock.instant(), null, "killed after the timeout of " + timeout,
                        summary());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            return LastRun.failed(startedAt, clock.instant(), null, "interrupted: the scheduler is stopping", null);
        } finally {
            current = null;
        }
        return outcome(startedAt, process.exitValue());
    }

    /** Stops the run in progress, if any (the scheduler is shutting down). */
    public void cancel() {
        Process process = current;
        if (process != null) {
            kill(process);
        }
    }

    private Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        log.info("run started as pid {}", process.pid());
        return process;
    }

    private LastRun outcome(Instant startedAt, int exitCode) {
        RunSummary summary = summary();
        Instant finished = clock.instant();
        if (exitCode == 0 && summary != null && summary.succeeded()) {
            return LastRun.succeeded(startedAt, finished, exitCode, summary);
        }
        String error = summary != null && summary.error() != null ? summary.error()
                : "the run's JVM exited with code " + exitCode + " without a summary: see the log above";
        return LastRun.failed(startedAt, finished, exitCode, error, summary);
    }

    private RunSummary summary() {
        if (!Files.exists(summaryFile)) {
            return null;
        }
        try {
            return RunSummary.read(summaryFile);
        } catch (IOException e) {
            log.warn("cannot read the run's summary {}: {}", summaryFile, e.getMessage());
            return null;
        }
    }

    private static void kill(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("run pid {} ignored SIGTERM for {}; killing it", process.pid(), STOP_GRACE);
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
