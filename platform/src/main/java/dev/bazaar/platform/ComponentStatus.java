package dev.bazaar.platform;

import dev.bazaar.platform.process.ManagedProcess;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** What {@code bazaar status} says of one component: where it listens, its pid and whether it answers. */
public record ComponentStatus(String component, String address, Long pid, State state, String log) {

    /** The status of a process the launcher started: stopped, or healthy when {@code ready} says so. */
    public static ComponentStatus of(ManagedProcess process, String address, BooleanSupplier ready) {
        Optional<ProcessHandle> handle = process.running();
        State state = handle.isEmpty() ? State.STOPPED : ready.getAsBoolean() ? State.HEALTHY : State.UNHEALTHY;
        return new ComponentStatus(process.component(), address, handle.map(ProcessHandle::pid).orElse(null), state,
                process.logFile().toString());
    }

    /** Running means the process lives; healthy means its readiness probe answered too. */
    public enum State {
        HEALTHY, RUNNING, UNHEALTHY, STOPPED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
