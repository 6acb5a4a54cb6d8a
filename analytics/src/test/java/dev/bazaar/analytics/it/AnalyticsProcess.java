package dev.bazaar.analytics.it;

import dev.bazaar.analytics.schedule.ChildJvmJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged module as the launcher runs it: {@code target/analytics.jar} and
 * {@code target/runtime.classpath} in a JVM of their own, so a test exercises the jar, its
 * classpath and the process's exit code and output, not the test JVM's classpath.
 */
final class AnalyticsProcess {

    private static final Path TARGET = Path.of(System.getProperty("bazaar.analytics.target", "target"));

    /** What a finished {@code analytics} command did. */
    record Result(int exitCode, String out, String err) {
    }

    private AnalyticsProcess() {
    }

    /**
     * Starts {@code mainClass} with {@code args} and {@code jvmOptions}; its output goes to {@code log}
     * (stdout) and {@code log}.err.
     */
    static Process start(String mainClass, List<String> jvmOptions, List<String> args, Map<String, String> env,
            Path log) throws IOException {
        List<String> command = ChildJvmJob.javaCommand(ProcessHandle.current().info().command().orElseThrow(),
                jvmOptions, TARGET.resolve("analytics.jar") + File.pathSeparator
                        + Files.readString(TARGET.resolve("runtime.classpath")).strip(), mainClass, args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(log.toFile())
                .redirectError(Path.of(log + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The scheduler's own JVM options, as the launcher passes them ({@code target/jvm.options}). */
    static List<String> schedulerOptions() throws IOException {
        return Files.readAllLines(TARGET.resolve("jvm.options")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Runs {@code AnalyticsCli} with {@code args} to its end (at most {@code timeout}). */
    static Result run(List<String> args, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Process process = start("dev.bazaar.analytics.AnalyticsCli", List.of("-Xmx1g"), args, env, log);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("analytics " + args + " did not finish within " + timeout + "; output: "
                    + Files.readString(log) + Files.readString(Path.of(log + ".err")));
        }
        return new Result(process.exitValue(), Files.readString(log), Files.readString(Path.of(log + ".err")));
    }
}
