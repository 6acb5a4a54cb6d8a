package dev.bazaar.platform.service;

import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.Instances;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.Jvm;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.ssl.TlsIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * A Java application of this repository (a service, the Elasticsearch node, the analytics
 * scheduler) as a component: ready when its health path answers; scraped by its own Prometheus
 * job when it has one, its certificate watched when it serves HTTPS. A scalable one runs as many
 * instances as {@code bazaar scale} recorded ({@link Instances}), each its own process and port —
 * what a Streams app needs to show its partitions moving between members of one group.
 */
public final class ServiceComponent implements Component {

    /** Where the instances of a scalable service come from: the recorded count and each one's port. */
    public record Scaling(Instances instances, IntUnaryOperator port) {
    }

    private final JavaService service;
    private final Set<String> dependencies;
    private final Optional<String> scrapeJob;
    private final Jvm java;
    private final Optional<Scaling> scaling;

    /**
     * @param scrapeJob the job of {@code prometheus/prometheus.yml} that scrapes its {@code /prometheus}
     *     endpoint, when it has one
     */
    public ServiceComponent(JavaService service, Set<String> dependencies, Optional<String> scrapeJob, Jvm java) {
        this(service, dependencies, scrapeJob, java, Optional.empty());
    }

    /** A service that runs {@code scaling}'s count of instances, when it has a scaling. */
    public ServiceComponent(JavaService service, Set<String> dependencies, Optional<String> scrapeJob, Jvm java,
            Optional<Scaling> scaling) {
        this.service = service;
        this.dependencies = Set.copyOf(dependencies);
        this.scrapeJob = scrapeJob;
        this.java = java;
        this.scaling = scaling;
    }

    /** Whether {@code bazaar scale} can run more than one instance of it. */
    public boolean scalable() {
        return scaling.isPresent();
    }

    /** The instances it should run now: the service itself, then {@code <name>-2} ... */
    public List<JavaService> instances() {
        return instancesUpTo(scaling.map(s -> s.instances().of(name())).orElse(1));
    }

    private List<JavaService> instancesUpTo(int count) {
        List<JavaService> instances = new ArrayList<>(List.of(service));
        scaling.ifPresent(s -> IntStream.rangeClosed(2, count)
                .forEach(number -> instances.add(service.instance(number, s.port().applyAsInt(number)))));
        return instances;
    }

    /** Instances beyond the recorded count that still run (after {@code bazaar scale} down). */
    private List<JavaService> surplus() {
        int count = instances().size();
        return instancesUpTo(scaling.isPresent() ? Instances.MAX : 1).stream().skip(count)
                .filter(instance -> instance.process().running().isPresent()).toList();
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

    /** Starts every instance that does not run, stops those beyond the count, and waits until all are ready. */
    @Override
    public boolean up(StartContext context) {
        stopTogether(surplus());
        List<JavaService> instances = instances();
        boolean started = false;
        for (JavaService instance : instances) {
            if (instance.launch(java)) {
                context.progress().say(instance.name(), "starting");
                started = true;
            }
        }
        instances.forEach(instance -> instance.awaitReady(context.timeout()));
        return started;
    }

    @Override
    public List<String> stop() {
        List<JavaService> running = new ArrayList<>(instances());
        running.addAll(surplus());
        return stopTogether(running);
    }

    private static List<String> stopTogether(List<JavaService> instances) {
        return ProcessStopper.stopTogether(instances.stream().map(JavaService::process).toList(), JavaService.STOP_DEADLINE);
    }

    @Override
    public List<ComponentStatus> status() {
        return service.built() ? instances().stream().map(JavaService::status).toList() : List.of();
    }

    @Override
    public List<ManagedProcess> processes() {
        return instances().stream().map(JavaService::process).toList();
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of(name(), service.url());
    }

    @Override
    public List<ScrapeTarget> scrapeTargets() {
        List<ScrapeTarget> targets = new ArrayList<>();
        for (JavaService instance : instances()) {
            String address = ScrapeTarget.hostPort(instance.url());
            scrapeJob.ifPresent(job -> targets.add(new ScrapeTarget(job, address, Map.of())));
            if (instance.https()) {
                targets.add(new ScrapeTarget("blackbox-tls", address, Map.of("component", name())));
            }
        }
        return targets;
    }
}
