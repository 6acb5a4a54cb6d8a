package dev.bazaar.platform.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the AOT caches whose training runs were recorded ({@link AotCaches}), one at a time,
 * niced, in the background of the supervisor once {@code up} is done: creating one costs a few
 * CPU-seconds that nobody should wait for, neither {@code up} nor {@code down}. Each creation runs
 * {@code java -XX:AOTMode=create} with the training run's own JVM options and classpath, writes
 * into {@code creating/} and moves the finished cache into place, so a JVM never maps half a file.
 */
public final class AotCacheCreator implements AutoCloseable {

    /** A recording this long untouched, of a JVM that no longer runs, is complete: the JVM writes it during its exit. */
    static final Duration SETTLED = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final Logger log = LoggerFactory.getLogger(AotCacheCreator.class);

    private final Path dir;
    private final Path logFile;
    private final Clock clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicReference<Process> running = new AtomicReference<>();
    private final AtomicBoolean hooked = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "aot-cache-creator");
        thread.setDaemon(true);
        return thread;
    });

    /** A creator of the caches in {@code dir}, the output of each creation appended to {@code logFile}. */
    public AotCacheCreator(Path dir, Path logFile, Clock clock) {
        this.dir = dir;
        this.logFile = logFile;
        this.clock = clock;
    }

    /** Starts creating the next pending cache in the background unless one is being created; true when it started one. */
    public boolean createNextInBackground() {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        Optional<AotKey> next = pending().stream().findFirst();
        if (next.isEmpty()) {
            busy.set(false);
            return false;
        }
        worker.submit(() -> {
            try {
                create(next.get());
            } finally {
                busy.set(false);
            }
        });
        return true;
    }

    /**
     * The complete training runs that have a recipe and neither a cache nor a failure yet. A training
     * JVM creates its (empty) configuration file at start and fills it at exit: a run is complete
     * when no running JVM records it and its file is written and settled.
     */
    public List<AotKey> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Instant settledBefore = clock.instant().minus(SETTLED);
        List<AotKey> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(file -> file.getFileName().toString().endsWith(".aotconf"))
                    .filter(file -> settled(file, settledBefore))
                    .sorted(Comparator.comparing(Path::getFileName))
                    .flatMap(file -> AotKey.ofFile(file).stream())
                    .filter(key -> Files.isRegularFile(key.recipe(dir)) && !Files.exists(key.cache(dir))
                            && !Files.exists(key.failure(dir)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<String> recording = recordingNow();
        return candidates.stream().filter(key -> !recording.contains(key.configuration(dir).toString())).toList();
    }

    /** The configuration files that running JVMs record into ({@code -XX:AOTMode=record}). */
    private static Set<String> recordingNow() {
        String flag = "-XX:AOTConfiguration=";
        return ProcessHandle.allProcesses().map(process -> process.info().arguments().orElse(new String[0]))
                .filter(arguments -> Arrays.asList(arguments).contains("-XX:AOTMode=record"))
                .flatMap(Arrays::stream).filter(argument -> argument.startsWith(flag))
                .map(argument -> argument.substring(flag.length())).collect(Collectors.toSet());
    }

    /** Creates the cache of {@code key} and waits; true when it is in place, false when it failed (and is marked so). */
    public boolean create(AotKey key) {
        Instant start = clock.instant();
        Path partial = dir.resolve("creating").resolve(key.name() + ".aot");
        try {
            Files.createDirectories(partial.getParent());
            Files.deleteIfExists(partial);
            List<String> command = command(Files.readAllLines(key.recipe(dir)), key.configuration(dir), partial);
            int exit = run(command);
            if (exit != 0 || !Files.isRegularFile(partial)) {
                return failed(key, "java -XX:AOTMode=create exited with " + exit + " (see " + logFile + ")");
            }
            Files.move(partial, key.cache(dir), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(key.configuration(dir));
            log.info("created the AOT cache {} ({} MB) in {} s", key.cache(dir), Files.size(key.cache(dir)) >> 20,
                    Duration.between(start, clock.instant()).toMillis() / 1000.0);
            return true;
        } catch (IOException e) {
            return failed(key, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("creation of the AOT cache {} interrupted", key.name());
            return false;
        }
    }

    /**
     * The creation's command line: niced, the training run's own options and classpath with the create
     * flags after {@code java}. Its java agents stay: a creation runs no agent (the metrics agent does not
     * bind its port), but without {@code -javaagent} the cache lacks {@code java.instrument} and the JVM
     * that maps it turns off its optimized module handling, with an error line at every start.
     */
    static List<String> command(List<String> recipe, Path configuration, Path cache) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", "19"));
        }
        command.add(recipe.get(0));
        command.add("-XX:AOTMode=create");
        command.add("-XX:AOTConfiguration=" + configuration);
        command.add("-XX:AOTCache=" + cache);
        command.addAll(recipe.subList(1, recipe.size()));
        return command;
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(logFile.getParent());
        if (hooked.compareAndSet(false, true)) {
            // the supervisor ends by SIGTERM: its shutdown hooks are the only code that still runs
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopRunning, "aot-cache-creator-stop"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        running.set(process);
        try {
            if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroy();
            throw e;
        } finally {
            running.set(null);
        }
    }

    private boolean failed(AotKey key, String why) {
        log.warn("creating the AOT cache {} failed, its component starts without one until the next build: {}",
                key.name(), why);
        try {
            Files.writeString(key.failure(dir), why + System.lineSeparator());
        } catch (IOException e) {
            log.warn("cannot mark {} as failed: {}", key.name(), e.toString());
        }
        return false;
    }

    /** Whether {@code file} has content and was last written before {@code before}; a file gone meanwhile is not. */
    private static boolean settled(Path file, Instant before) {
        try {
            return Files.size(file) > 0 && Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            log.debug("{} is not settled: {}", file, e.toString());
            return false;
        }
    }

    /** Ends a creation in progress, so that it does not outlive the supervisor. */
    private void stopRunning() {
        Process process = running.get();
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        stopRunning();
    }
}
