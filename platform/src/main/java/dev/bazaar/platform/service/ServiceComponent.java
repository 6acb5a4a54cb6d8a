package dev.bazaar.platform.service;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.Jvm;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.ssl.TlsIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Java application of this repository (a service, the Elasticsearch node, the analytics
 * scheduler) as a component: ready when its health path answers; scraped by its own Prometheus
 * job when it has one, its certificate watched when it serves HTTPS.
 */
public final class ServiceComponent implements Component {

    private final JavaService service;
    private final Set<String> dependencies;
    private final Optional<String> scrapeJob;
    private final Jvm java;

    /**
     * @param scrapeJob the job of {@code prometheus/prometheus.yml} that scrapes its {@code /prometheus}
     *     endpoint, when it has one
     */
    public ServiceComponent(JavaService service, Set<String> dependencies, Optional<String> scrapeJob, Jvm java) {
        this.service = service;
        this.dependencies = Set.copyOf(dependencies);
        this.scrapeJob = scrapeJob;
        this.java = java;
    }

    public JavaService service() {
        return service;
    }

    @Override
    public String name() {
        return service.name();
    }

    @Override
    public Set<String> dependencies() {
        return dependencies;
    }

    @Override
    public Optional<String> unavailable() {
        return service.built() ? Optional.empty() : Optional.of("not built (./bazaar build)");
    }

    @Override
    public List<TlsIdentity> tlsIdentities() {
        return service.https() ? List.of(new TlsIdentity(name(), "service", List.of(name()))) : List.of();
    }

    @Override
    public boolean up(StartContext context) {
        boolean started = service.launch(java);
        if (started) {
            context.progress().say(name(), "starting");
        }
        service.awaitReady(context.timeout());
        return started;
    }

    @Override
    public List<String> stop() {
        return service.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        return service.built() ? List.of(service.status()) : List.of();
    }

    @Override
    public List<ManagedProcess> processes() {
        return List.of(service.process());
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of(name(), service.url());
    }

    @Override
    public List<ScrapeTarget> scrapeTargets() {
        List<ScrapeTarget> targets = new ArrayList<>();
        String address = ScrapeTarget.hostPort(service.url());
        scrapeJob.ifPresent(job -> targets.add(new ScrapeTarget(job, address, Map.of())));
        if (service.https()) {
            targets.add(new ScrapeTarget("blackbox-tls", address, Map.of("component", name())));
        }
        return targets;
    }
}
