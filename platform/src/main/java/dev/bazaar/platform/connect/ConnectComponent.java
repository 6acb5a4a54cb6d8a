package dev.bazaar.platform.connect;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.PlatformAccess;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.ssl.TlsIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Kafka Connect worker as a component, principal {@code connect}; the connectors it runs are components of their own. */
public final class ConnectComponent implements Component {

    private final ConnectWorker worker;
    private final boolean pluginsBuilt;
    private final PlatformAccess access;

    public ConnectComponent(ConnectWorker worker, boolean pluginsBuilt, PlatformAccess access) {
        this.worker = worker;
        this.pluginsBuilt = pluginsBuilt;
        this.access = access;
    }

    public ConnectWorker worker() {
        return worker;
    }

    @Override
    public String name() {
        return ConnectWorker.COMPONENT;
    }

    @Override
    public Set<String> dependencies() {
        return Set.of(Cluster.MAIN.toString());
    }

    @Override
    public Optional<String> unavailable() {
        return pluginsBuilt ? Optional.empty() : Optional.of("no connector plugin built (./bazaar build)");
    }

    @Override
    public List<TlsIdentity> tlsIdentities() {
        return List.of(new TlsIdentity(name(), "service", List.of(name())));
    }

    /** Starts the worker unless it runs; restarts it first when a connector plugin was built since it started. */
    @Override
    public boolean up(StartContext context) {
        if (worker.runsOtherPlugins()) {
            context.progress().say(name(), "restarting: the connector plugins changed since it started");
            worker.stop();
        }
        worker.prepare(KafkaConnection.embedded(access.layout(), Cluster.MAIN, ConnectWorker.PRINCIPAL));
        boolean started = worker.start();
        if (started) {
            context.progress().say(name(), "starting");
        }
        worker.awaitReady(context.timeout());
        return started;
    }

    @Override
    public List<String> stop() {
        return worker.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        return pluginsBuilt ? List.of(worker.status()) : List.of();
    }

    @Override
    public List<ManagedProcess> processes() {
        return List.of(worker.process());
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of(name(), worker.url());
    }

    @Override
    public List<ScrapeTarget> scrapeTargets() {
        List<ScrapeTarget> targets = new ArrayList<>();
        worker.metricsUrl().ifPresent(url -> targets.add(
                new ScrapeTarget("connect", ScrapeTarget.hostPort(url), Map.of())));
        targets.add(new ScrapeTarget("blackbox-tls", ScrapeTarget.hostPort(worker.url()),
                Map.of("component", name())));
        return targets;
    }

}
