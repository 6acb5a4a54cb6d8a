package dev.bazaar.platform.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops processes together: SIGTERM to all at once, then SIGKILL to whatever still runs at the
 * deadline. Stopping a KRaft quorum one node at a time can leave the last voter waiting for minutes.
 */
public final class ProcessStopper {

    private ProcessStopper() {
    }

    /** Stops every running process of {@code processes}; returns the components that needed SIGKILL. */
    public static List<String> stopTogether(List<ManagedProcess> processes, Duration deadline) {
        List<ManagedProcess> running = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (ManagedProcess process : processes) {
            Optional<ProcessHandle> handle = process.running();
            if (handle.isPresent()) {
                running.add(process);
                handles.add(handle.get());
                handle.get().destroy();
            } else {
                process.forget();
            }
        }
        Instant end = Instant.now().plus(deadline);
        List<String> killed = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            if (!awaitExit(handles.get(i), Duration.between(Instant.now(), end))) {
                handles.get(i).destroyForcibly();
                awaitExit(handles.get(i), Duration.ofSeconds(10));
                killed.add(running.get(i).component());
            }
            running.get(i).forget();
        }
        return killed;
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + handle.pid() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
