package dev.bazaar.platform.supervisor;

import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the supervisor and the commands tell each other through {@code var/run/supervisor/}: which
 * components a person took down ({@code bazaar stop}: not to be restarted) and which ones the
 * supervisor gave up on (a crash loop, shown by {@code status}).
 */
public final class SupervisorState {

    private final Path held;
    private final Path crashLoops;

    public SupervisorState(RuntimeLayout layout) {
        Path dir = layout.runDir().resolve("supervisor");
        this.held = dir.resolve("held");
        this.crashLoops = dir.resolve("crash-loop");
    }

    /** Marks {@code component} as taken down on purpose. */
    public void hold(String component) {
        write(held.resolve(component), "stopped with bazaar stop");
    }

    /** Lets the supervisor watch {@code component} again, forgetting a crash loop. */
    public void release(String component) {
        delete(held.resolve(component));
        delete(crashLoops.resolve(component));
    }

    public boolean held(String component) {
        return Files.exists(held.resolve(component));
    }

    /** Records that the supervisor stopped restarting {@code component}, and why. */
    public void crashLoop(String component, String why) {
        write(crashLoops.resolve(component), why);
    }

    /** Why the supervisor gave up on {@code component}, when it did. */
    public Optional<String> crashLooping(String component) {
        Path file = crashLoops.resolve(component);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
