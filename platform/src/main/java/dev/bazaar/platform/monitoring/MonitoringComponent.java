package dev.bazaar.platform.monitoring;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.ssl.TlsIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prometheus, Alertmanager and the blackbox exporter as one component. It starts after everything
 * else selected is ready, so that a start raises no alert, and scrapes exactly what was selected.
 */
public final class MonitoringComponent implements Component {

    public static final String NAME = "monitoring";

    private final Monitoring monitoring;

    public MonitoringComponent(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    public Monitoring monitoring() {
        return monitoring;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> dependencies() {
        return Set.of();
    }

    @Override
    public boolean startsLast() {
        return true;
    }

    @Override
    public Optional<String> unavailable() {
        List<String> missing = monitoring.missingPackages();
        return missing.isEmpty() ? Optional.empty() : Optional.of("Debian packages missing: " + missing
                + " (./bazaar up installs them when it may run apt-get; else: sudo apt-get install "
                + String.join(" ", missing) + ")");
    }

    @Override
    public List<TlsIdentity> tlsIdentities() {
        return List.of(Monitoring.PROMETHEUS, Monitoring.ALERTMANAGER, Monitoring.BLACKBOX).stream()
                .map(name -> new TlsIdentity(name, "service", List.of(name))).toList();
    }

    @Override
    public boolean up(StartContext context) {
        boolean started = monitoring.processes().stream().anyMatch(process -> process.running().isEmpty());
        monitoring.start(context.scrapeTargets(), context.progress());
        monitoring.awaitReady(context.timeout());
        return started;
    }

    @Override
    public List<String> stop() {
        return monitoring.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        return unavailable().isPresent() ? List.of() : monitoring.status();
    }

    @Override
    public List<ManagedProcess> processes() {
        return monitoring.processes();
    }

    /** Prometheus and Alertmanager scrape themselves too. */
    @Override
    public List<ScrapeTarget> scrapeTargets() {
        return monitoring.ownTargets();
    }

    @Override
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(Monitoring.PROMETHEUS, monitoring.prometheusUrl());
        endpoints.put(Monitoring.ALERTMANAGER, monitoring.alertmanagerUrl());
        return endpoints;
    }
}
