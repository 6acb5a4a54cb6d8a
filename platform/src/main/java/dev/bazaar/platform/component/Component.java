package dev.bazaar.platform.component;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.ssl.TlsIdentity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One thing the platform runs (a Kafka cluster, the registry, a service, Prometheus...), so that the
 * launcher can start, watch and stop every kind the same way: the {@link Catalog} declares them,
 * the {@link Reconciler} starts each as soon as what it depends on is ready.
 */
public interface Component {

    /** The name users select it by ({@code BAZAAR_COMPONENTS}, {@code bazaar start <name>}). */
    String name();

    /** The components that must be ready before this one starts. */
    Set<String> dependencies();

    /** Whether it starts only after every other selected component is ready (monitoring: a start raises no alert). */
    default boolean startsLast() {
        return false;
    }

    /** Why it cannot run here (not built, a package missing); empty when it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** The certificates its servers present, issued by the platform CA before anything starts. */
    default List<TlsIdentity> tlsIdentities() {
        return List.of();
    }

    /**
     * Starts whatever of it does not run, waits until it is ready and applies its part of
     * {@code setup/}; safe to repeat; true when it started a process. Fails naming its log when it cannot
     * become ready.
     */
    boolean up(StartContext context);

    /** Stops its processes; returns the names of those killed after their stop deadline. */
    List<String> stop();

    /** One row per process (or per connector) with its state. */
    List<ComponentStatus> status();

    /** The processes it runs, which the supervisor watches. */
    List<ManagedProcess> processes();

    /** Its user-facing addresses by name (e.g. {@code shop-api -> https://127.0.0.1:9090}). */
    default Map<String, String> endpoints() {
        return Map.of();
    }

    /** Where a client reaches it, for the line {@code up} prints when it is ready; empty when nothing listens. */
    default String address() {
        return String.join(", ", endpoints().values());
    }

    /** What Prometheus scrapes of it: metrics endpoints and TLS listeners. */
    default List<ScrapeTarget> scrapeTargets() {
        return List.of();
    }
}
