package dev.bazaar.platform;

import dev.bazaar.platform.process.ManagedProcess;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What {@code bazaar status} says of one component: where it listens, its pid, whether it answers,
 * and how long its last start took to ready ({@code null} when unknown).
 */
public record ComponentStatus(String component, String address, Long pid, State state, String log,
        Double secondsToReady) {

    public ComponentStatus(String component, String address, Long pid, State state, String log) {
        this(component, address, pid, state, log, null);
    }

    /** This row in another state. */
    public ComponentStatus withState(State other) {
        return new ComponentStatus(component, address, pid, other, log, secondsToReady);
    }

    /** This row with the time its component last took from start to ready. */
    public ComponentStatus withSecondsToReady(Double seconds) {
        return new ComponentStatus(component, address, pid, state, log, seconds);
    }

    /** The status of a process the launcher started: stopped, or healthy when {@code ready} says so. */
    public static ComponentStatus of(ManagedProcess process, String address, BooleanSupplier ready) {
        Optional<ProcessHandle> handle = process.running();
        State state = handle.isEmpty() ? State.STOPPED : ready.getAsBoolean() ? State.HEALTHY : State.UNHEALTHY;
        return new ComponentStatus(process.component(), address, handle.map(ProcessHandle::pid).orElse(null), state,
                process.logFile().toString());
    }

    /** Running means the process lives; healthy means its readiness probe answered too. */
    public enum State {
        HEALTHY, RUNNING, UNHEALTHY, STOPPED,
        /** Dead, and the supervisor stopped restarting it after too many restarts in a short time. */
        CRASH_LOOP;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
