package dev.bazaar.platform;

/** What {@code bazaar status} says of one component: where it listens, its pid and whether it answers. */
public record ComponentStatus(String component, String address, Long pid, State state, String log) {

    /** Running means the process lives; healthy means its readiness probe answered too. */
    public enum State {
        HEALTHY, RUNNING, UNHEALTHY, STOPPED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
