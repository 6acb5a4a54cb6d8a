package dev.bazaar.platform.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process of the platform, known by its component name: started with its output appended to
 * its log, recorded by pid and start time so that a later {@code bazaar} run finds exactly it (and
 * never a stranger that reused the pid).
 */
public final class ManagedProcess {

    /** The system property that marks a platform process on its command line. */
    public static final String MARKER = "-Dbazaar.component=";

    private final String component;
    private final Path pidFile;
    private final Path logFile;

    public ManagedProcess(String component, Path pidFile, Path logFile) {
        this.component = component;
        this.pidFile = pidFile;
        this.logFile = logFile;
    }

    public String component() {
        return component;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts {@code command} in {@code workDir}; stdin is empty and stdout+stderr go to the log. */
    public ProcessHandle start(List<String> command, Path workDir, Map<String, String> extraEnv) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            ProcessHandle handle = process.toHandle();
            Instant started = handle.info().startInstant().orElse(Instant.EPOCH);
            record(handle.pid() + " " + started.toEpochMilli() + System.lineSeparator());
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + component + " (log " + logFile + ")", e);
        }
    }

    /**
     * Writes the pid file whole, by renaming a finished temporary file over it: a reader (the supervisor,
     * {@code status}, a test waiting for a restart) never sees it empty or half written.
     */
    private void record(String content) throws IOException {
        Path temp = Files.createTempFile(pidFile.getParent(), pidFile.getFileName().toString(), ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The recorded process, if it is still the one that was started. */
    public Optional<ProcessHandle> running() {
        String[] recorded;
        try {
            recorded = Files.readString(pidFile).strip().split("\\s+");
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
        long pid = Long.parseLong(recorded[0]);
        long startedMillis = recorded.length > 1 ? Long.parseLong(recorded[1]) : 0;
        return ProcessHandle.of(pid)
                .filter(Liveness::alive)
                .filter(h -> sameStart(h, startedMillis));
    }

    /** Forgets the recorded pid once the process is gone. */
    public void forget() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile, e);
        }
    }

    /** Whether the live process is the one recorded; a start time unknown when it was recorded (0) cannot tell. */
    private static boolean sameStart(ProcessHandle handle, long startedMillis) {
        if (startedMillis <= 0) {
            return true;
        }
        return handle.info().startInstant()
                .map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 2_000)
                .orElse(true);
    }
}
