package dev.bazaar.search.node;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged search node in a child JVM, started the way the launcher starts it: this JVM's
 * {@code java}, the lines of {@code target/jvm.options}, {@code -cp search-node.jar:<runtime.classpath>},
 * the main class, settings in the environment, output written to a fresh log file.
 */
final class SearchNodeProcess {

    static final Path TARGET = Path.of(System.getProperty("bazaar.search.target", "target")).toAbsolutePath();
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;

    private SearchNodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the node in {@code workDir}, its output written to a fresh {@code workDir/search-node.log}. */
    static SearchNodeProcess start(Path workDir, Map<String, String> env) throws IOException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("search-node.log");
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        return new SearchNodeProcess(builder.start(), log);
    }

    static List<String> command() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmOptions());
        command.add("-cp");
        command.add(TARGET.resolve("search-node.jar") + File.pathSeparator
                + Files.readString(TARGET.resolve("runtime.classpath")).strip());
        command.add(SearchNodeMain.class.getName());
        return command;
    }

    static List<String> jvmOptions() throws IOException {
        return Files.readAllLines(TARGET.resolve("jvm.options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident memory of the node in MiB, from {@code /proc/<pid>/status}. */
    long rssMib() throws IOException {
        Optional<String> line = Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .findFirst();
        String kb = line.orElseThrow(() -> new IOException("no VmRSS for pid " + pid())).replaceAll("\\D", "");
        return Long.parseLong(kb) / 1024;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Sends SIGTERM and waits; the exit code, or empty if it still runs after {@code timeout}. */
    Optional<Integer> terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** Waits for the process to end by itself; the exit code, or empty if it still runs. */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** Kills the node if it still runs, so that no test leaves it behind. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
