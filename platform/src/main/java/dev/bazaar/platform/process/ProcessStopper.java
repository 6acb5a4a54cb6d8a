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

    private static final Duration EXIT_POLL = Duration.ofMillis(100);

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

    /**
     * Stops the nodes of a quorum together (each a voter): SIGTERM to all; once fewer than a majority of
     * {@code nodes} still run, those left get {@code grace} to finish and are then killed, because a KRaft
     * node's controlled shutdown needs the quorum the others took away by exiting first and would wait out
     * the whole {@code deadline}; whatever still runs at the deadline is killed too. Returns the killed ones.
     */
    public static List<String> stopQuorum(List<ManagedProcess> nodes, Duration grace, Duration deadline) {
        List<ManagedProcess> running = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (ManagedProcess node : nodes) {
            Optional<ProcessHandle> handle = node.running();
            if (handle.isPresent()) {
                running.add(node);
                handles.add(handle.get());
                handle.get().destroy();
            } else {
                node.forget();
            }
        }
        awaitExitOrLostQuorum(handles, nodes.size() / 2 + 1, grace, Instant.now().plus(deadline));
        List<String> killed = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            if (Liveness.alive(handles.get(i))) {
                handles.get(i).destroyForcibly();
                awaitExit(handles.get(i), Duration.ofSeconds(10));
                killed.add(running.get(i).component());
            }
            running.get(i).forget();
        }
        return killed;
    }

    /** Returns once none runs, once fewer than {@code majority} have run for {@code grace}, or at {@code end}. */
    private static void awaitExitOrLostQuorum(List<ProcessHandle> handles, int majority, Duration grace, Instant end) {
        Instant quorumLost = null;
        while (Instant.now().isBefore(end)) {
            long alive = handles.stream().filter(Liveness::alive).count();
            if (alive == 0) {
                return;
            }
            if (alive < majority) {
                quorumLost = quorumLost == null ? Instant.now() : quorumLost;
                if (!Instant.now().isBefore(quorumLost.plus(grace))) {
                    return;
                }
            }
            try {
                Thread.sleep(EXIT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits for the process to exit (or become a zombie nobody reaped yet), polling its state between exit events. */
    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        while (Liveness.alive(handle)) {
            Duration left = Duration.between(Instant.now(), end);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            try {
                exit.get(Math.min(left.toMillis(), EXIT_POLL.toMillis()), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // look again: a zombie completes no exit event until it is reaped
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for pid " + handle.pid() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !Liveness.alive(handle);
            }
        }
        return true;
    }
}
