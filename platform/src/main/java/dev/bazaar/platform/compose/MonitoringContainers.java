package dev.bazaar.platform.compose;

import dev.bazaar.common.Cluster;
import dev.bazaar.platform.connect.ConnectWorker;
import java.util.Optional;
import dev.bazaar.platform.service.ServiceComponent;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.platform.monitoring.Monitoring;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monitoring in {@code compose/}: the exporter agents of the Kafka processes, Prometheus, Alertmanager and the
 * blackbox exporter with every scrape target at its container, and Grafana.
 */
final class MonitoringContainers {

    private final ComposeFolder folder;
    private final Map<String, List<String>> monitoringArguments = new LinkedHashMap<>();

    MonitoringContainers(ComposeFolder folder) {
        this.folder = folder;
    }

    /**
     * The JMX exporter agent of every Kafka node, Connect and MirrorMaker, as the embedded platform attaches it
     * (HTTPS with the {@code metrics} certificate, basic auth) but on every interface: the agent jar under
     * {@code lib/agents}, each agent's config under {@code conf/metrics}, and the {@code KAFKA_OPTS} of each
     * container in {@code conf/<container>/kafka.env}.
     */
    void agents(PlatformConfig config) {
        Path agentJar = folder.host().root().resolve("lib/agents").resolve(config.metricsAgentJar().getFileName());
        try {
            folder.directory(agentJar.getParent());
            Files.copy(config.metricsAgentJar(), agentJar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the exporter agent " + config.metricsAgentJar()
                    + ": build with ./bazaar (it builds)", e);
        }
        Map<String, MetricsAgent> agents = new LinkedHashMap<>();
        for (Cluster cluster : Cluster.values()) {
            folder.nodes(cluster).forEach(node -> agents.put(node.name(), agent(config, agentJar, "kafka-broker",
                    node.metricsPort())));
        }
        agents.put(ConnectWorker.COMPONENT, agent(config, agentJar, "connect", folder.ports().connectMetrics()));
        agents.put(MirrorMaker.COMPONENT, agent(config, agentJar, "mirror-maker", folder.ports().mirrorMakerMetrics()));
        agents.forEach((name, agent) -> {
            String options = agent.javaagentOption("0.0.0.0");
            if (name.equals(ConnectWorker.COMPONENT)) {
                options += " -Djava.security.auth.login.config=" + folder.host().confDir(ConnectWorker.COMPONENT).resolve("rest-jaas.conf");
            }
            PrivateFiles.write(folder.host().confDir(name).resolve("kafka.env"), "# the JVM options of " + name
                    + " in compose/, written by ./bazaar compose prepare\nKAFKA_OPTS=" + options + "\n");
            folder.relocate(folder.host().confDir(name).resolve("kafka.env"));
        });
        folder.relocate(folder.host().confDir("metrics"));
        folder.note("exporter agents: " + String.join(", ", agents.keySet()));
    }

    MetricsAgent agent(PlatformConfig config, Path agentJar, String rules, int port) {
        MetricsAgent.Rules embedded = config.metricsRules(rules);
        return new MetricsAgent.Rules(agentJar, embedded.rules(), folder.host()).on(port);
    }

    /**
     * Prometheus, Alertmanager and the blackbox exporter with the embedded platform's configuration: every
     * scrape target of the catalog at the container that serves it, alerts to the console's webhook. The
     * arguments of each server are those {@code compose/monitoring.yml} gives it ({@code ComposeFilesTest}).
     */
    void monitoring(Platform catalog) {
        Monitoring monitoring = monitoringOf();
        Map<Integer, String> hosts = containerOfPort(catalog);
        List<ScrapeTarget> targets = new ArrayList<>();
        catalog.catalog().all().forEach(component -> component.scrapeTargets().forEach(target -> {
            int port = Integer.parseInt(target.address().substring(target.address().lastIndexOf(':') + 1));
            String container = Optional.ofNullable(hosts.get(port)).orElseThrow(() -> new IllegalStateException(
                    "no container in compose/ serves port " + port + " of the scrape target " + target));
            targets.add(new ScrapeTarget(target.job(), container + ":" + port, target.labels()));
        }));
        monitoring.configure(targets).forEach((server, args) ->
                monitoringArguments.put(server, args.stream().map(folder::containerPath).toList()));
        for (String server : List.of(Monitoring.PROMETHEUS, Monitoring.ALERTMANAGER, Monitoring.BLACKBOX)) {
            folder.relocate(folder.host().confDir(server));
            folder.directory(folder.host().dataDir(server));
        }
        folder.note("monitoring: " + folder.host().confDir(Monitoring.PROMETHEUS) + " (" + targets.size() + " scrape targets), "
                + folder.host().confDir(Monitoring.ALERTMANAGER) + ", " + folder.host().confDir(Monitoring.BLACKBOX));
    }

    /** The monitoring servers as compose runs them: each at its container's name, listening on every interface. */
    Monitoring monitoringOf() {
        return new Monitoring(folder.home(), folder.host(), folder.ports().prometheus(), folder.ports().alertmanager(), folder.ports().blackboxExporter(),
                "https://console:" + folder.ports().console() + "/alerts/webhook", server -> server, "0.0.0.0");
    }

    /** The arguments of each monitoring server in its container, as {@link #prepare} wrote its configuration. */
    public Map<String, List<String>> monitoringArguments() {
        if (monitoringArguments.isEmpty()) {
            throw new IllegalStateException("prepare() first: the arguments are those of the configuration it writes");
        }
        return Map.copyOf(monitoringArguments);
    }

    /** Which container listens on each port of the embedded plan that something scrapes or probes. */
    Map<Integer, String> containerOfPort(Platform catalog) {
        Map<Integer, String> hosts = new LinkedHashMap<>();
        for (Cluster cluster : Cluster.values()) {
            folder.nodes(cluster).forEach(node -> {
                hosts.put(node.metricsPort(), node.name());
                hosts.put(folder.externalPort(node), node.name());
            });
        }
        hosts.put(folder.ports().connectRest(), ConnectWorker.COMPONENT);
        hosts.put(folder.ports().connectMetrics(), ConnectWorker.COMPONENT);
        hosts.put(folder.ports().mirrorMakerMetrics(), MirrorMaker.COMPONENT);
        hosts.put(folder.ports().registryHttp(), SchemaRegistry.COMPONENT);
        hosts.put(folder.ports().prometheus(), Monitoring.PROMETHEUS);
        hosts.put(folder.ports().alertmanager(), Monitoring.ALERTMANAGER);
        hosts.put(folder.ports().blackboxExporter(), Monitoring.BLACKBOX);
        catalog.catalog().all(ServiceComponent.class).forEach(service ->
                hosts.put(service.service().launchSpec().port(), service.name()));
        return hosts;
    }

    /**
     * Grafana (the official image) with the dashboards of {@code grafana/dashboards/} provisioned from
     * {@code grafana/provisioning/}: HTTPS with its certificate (PEM), its admin's password generated.
     */
    void grafana() {
        folder.exportPem(ComposePrepare.GRAFANA);
        folder.host().secrets().password(ComposePrepare.GRAFANA_ADMIN_SECRET);
        folder.directory(folder.host().dataDir(ComposePrepare.GRAFANA));
        folder.note("grafana: " + folder.host().sslDir().resolve(ComposePrepare.GRAFANA + ".crt") + " and its key; admin's password "
                + folder.host().secrets().file(ComposePrepare.GRAFANA_ADMIN_SECRET));
    }
}
