package dev.bazaar.platform.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * One starter at a time: {@code up}, {@code start} and the supervisor's restarts take this lock on
 * {@code var/run/reconcile.lock}, so that no two processes start the same component at once.
 */
public final class ReconcileLock {

    private ReconcileLock() {
    }

    /** Whether someone (another process, or another thread of this one) holds the lock of {@code file} now. */
    public static boolean busy(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot try the lock of " + file, e);
        }
    }

    /** Runs {@code work} holding the lock of {@code file}, waiting for another holder to finish. */
    public static <T> T holding(Path file, Supplier<T> work) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }
}
