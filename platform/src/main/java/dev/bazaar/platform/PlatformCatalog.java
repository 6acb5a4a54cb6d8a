package dev.bazaar.platform;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.component.Catalog;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.Instances;
import dev.bazaar.platform.component.PlatformAccess;
import dev.bazaar.platform.connect.ConnectComponent;
import dev.bazaar.platform.connect.ConnectWorker;
import dev.bazaar.platform.connect.ConnectorComponent;
import dev.bazaar.platform.hdfs.Hdfs;
import dev.bazaar.platform.hdfs.HdfsComponent;
import dev.bazaar.platform.kafka.ClusterComponent;
import dev.bazaar.platform.kafka.KafkaCluster;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.platform.mirror.MirrorMakerComponent;
import dev.bazaar.platform.monitoring.Monitoring;
import dev.bazaar.platform.monitoring.MonitoringComponent;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.registry.RegistryComponent;
import dev.bazaar.platform.registry.SchemaRegistry;
import dev.bazaar.platform.service.JavaService;
import dev.bazaar.platform.service.ServiceComponent;
import dev.bazaar.setup.ConnectorApplier;
import dev.bazaar.setup.ConnectorApplier.ConnectorSpec;
import dev.bazaar.setup.PlatformSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The one place that declares what the platform runs: each component, what it depends on, and the
 * groups {@code BAZAAR_COMPONENTS} and the older {@code BAZAAR_PARTS} select by. Adding a service is
 * one declaration here plus its data in {@code setup/}.
 */
public final class PlatformCatalog {

    static final String ELASTICSEARCH = "elasticsearch";
    static final String ANALYTICS = "analytics";
    static final String DEDUP = "dedup";
    static final String PROMO = "promo";
    static final String CONSOLE = "console";
    static final String LAG_EXPORTER = "lag-exporter";
    private static final String MAIN = Cluster.MAIN.toString();
    private static final String MIRROR = Cluster.MIRROR.toString();

    private final PlatformConfig config;
    private final RuntimeLayout layout;
    private final PlatformAccess access;
    private final JavaCommand java;
    private final List<Component> components = new ArrayList<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private int scalableServices;

    private PlatformCatalog(PlatformConfig config, PlatformAccess access) {
        this.config = config;
        this.layout = config.layout();
        this.access = access;
        this.java = new JavaCommand(config.jvm(), config.runtimeClasspath(),
                layout.confDir("logging").resolve("log4j2.properties"));
    }

    /** The catalog of this platform's configuration (its ports, its runtime folder, its build). */
    public static Catalog of(PlatformConfig config, PlatformAccess access) {
        return new PlatformCatalog(config, access).declare();
    }

    private Catalog declare() {
        PortPlan ports = config.ports();
        Optional<MetricsAgent.Rules> brokerMetrics = Optional.of(config.metricsRules("kafka-broker"));
        add(PlatformConfig.CORE, new ClusterComponent(new KafkaCluster(Cluster.MAIN, IntStream
                .rangeClosed(1, PortPlan.MAIN_NODES).mapToObj(id -> new KafkaNode(MAIN, id, ports.mainBroker(id),
                        ports.mainController(id), ports.mainBrokerMetrics(id))).toList(), layout, java, brokerMetrics),
                access));
        add(PlatformConfig.CORE, new ClusterComponent(new KafkaCluster(Cluster.MIRROR, List.of(new KafkaNode(MIRROR, 1,
                ports.mirrorBroker(), ports.mirrorController(), ports.mirrorBrokerMetrics())), layout, java,
                brokerMetrics), access));
        add(PlatformConfig.CORE, new RegistryComponent(new SchemaRegistry(layout, java, config.registryDistribution(),
                ports.registryHttp(), ports.registryManagement()), access));
        String services = PlatformConfig.Part.SERVICES.toString();
        add(services, new ServiceComponent(elasticsearch(), Set.of(), Optional.empty(), config.jvm()));
        HdfsComponent hdfs = new HdfsComponent(new Hdfs(config.home(), layout, ports), config.jvm());
        add(services, hdfs);
        add(services, new PostgresComponent(new PostgresServer(config.home(), layout, ports.postgres()),
                config.externalPostgres(), layout.secrets()));
        ConnectComponent connect = new ConnectComponent(new ConnectWorker(layout, java, config.connectorPluginPath(),
                ports.connectRest(), Optional.of(config.metricsRules("connect").on(ports.connectMetrics()))),
                !config.connectorPluginPath().isEmpty(), access);
        add(services, connect);
        connectors(connect.worker()).forEach(connector -> add(services, connector));
        add(services, service("shop-api", "dev.bazaar.shop.ShopApi", ports.shopApi(), Set.of(MAIN, SchemaRegistry.COMPONENT)));
        add(services, service("stream-filter", "dev.bazaar.filter.StreamFilterApp", ports.streamFilter(),
                Set.of(MAIN, SchemaRegistry.COMPONENT)));
        add(services, service("client-api", "dev.bazaar.client.ClientApi", ports.clientApi(),
                Set.of(MAIN, SchemaRegistry.COMPONENT, ELASTICSEARCH)));
        add(services, service("events-api", "dev.bazaar.events.EventsApi", ports.eventsApi(),
                Set.of(MAIN, SchemaRegistry.COMPONENT)));
        add(services, service(DEDUP, "dev.bazaar.dedup.app.DedupApp", ports.dedup(), Set.of(MAIN),
                productEventsDedup()));
        add(services, service(PROMO, "dev.bazaar.promo.PromoApp", ports.promo(), Set.of(MAIN, SchemaRegistry.COMPONENT)));
        add(services, analytics());
        add(services, console());
        add(services, lagExporter());
        add(PlatformConfig.Part.MIRRORING.toString(), new MirrorMakerComponent(new MirrorMaker(layout, java,
                config.metricsRules("mirror-maker").on(ports.mirrorMakerMetrics()), PlatformSpec.load().mirroredTopics()),
                access));
        add(PlatformConfig.Part.MONITORING.toString(), new MonitoringComponent(new Monitoring(config.home(), layout,
                ports.prometheus(), ports.alertmanager(), ports.blackboxExporter(),
                "https://127.0.0.1:" + ports.console() + "/alerts/webhook")));
        return new Catalog(components, groups);
    }

    private void add(String group, Component component) {
        components.add(component);
        groups.computeIfAbsent(group, name -> new ArrayList<>()).add(component.name());
    }

    /**
     * A service of ours: HTTPS, ready on {@code /health}, scraped by the Prometheus job of its name,
     * scalable to several instances ({@code bazaar scale}), whose ports come from its slot of the plan.
     */
    private ServiceComponent service(String name, String mainClass, int port, Set<String> dependencies) {
        return service(name, mainClass, port, dependencies, Map.of());
    }

    private ServiceComponent service(String name, String mainClass, int port, Set<String> dependencies,
            Map<String, String> env) {
        int slot = scalableServices++;
        return new ServiceComponent(new JavaService(name, mainClass, config.home().resolve(name), port, layout,
                "/health", env, name, true),
                dependencies, Optional.of(name), config.jvm(), Optional.of(new ServiceComponent.Scaling(
                        new Instances(layout), instance -> config.ports().serviceInstance(slot, instance))));
    }

    /**
     * The generic de-duplicator of module {@code dedup} configured as the product events' step: the raw
     * topic is keyed by the de-duplication hash (events-api computes it per event kind), so the record
     * key is the key; first copies to product-events, later ones to product-events-duplicates.
     */
    private static Map<String, String> productEventsDedup() {
        return Map.of("BAZAAR_DEDUP_FROM", Topics.PRODUCT_EVENTS_RAW, "BAZAAR_DEDUP_TO", Topics.PRODUCT_EVENTS,
                "BAZAAR_DEDUP_DUPLICATES", Topics.PRODUCT_EVENTS_DUPLICATES, "BAZAAR_DEDUP_RETENTION", "7d",
                "BAZAAR_DEDUP_APPLICATION_ID", DEDUP, "BAZAAR_DEDUP_PRINCIPAL", DEDUP);
    }

    /** The scheduler that runs the Spark job every few minutes; it has no metrics endpoint, unlike the services. */
    private ServiceComponent analytics() {
        JavaService scheduler = new JavaService(ANALYTICS, "dev.bazaar.analytics.AnalyticsScheduler",
                config.home().resolve(ANALYTICS), config.ports().analyticsScheduler(), layout, "/health",
                Map.of("BAZAAR_ANALYTICS_EVERY", config.analyticsEvery()), ANALYTICS, true);
        return new ServiceComponent(scheduler, Set.of(MAIN, SchemaRegistry.COMPONENT, HdfsComponent.NAME),
                Optional.empty(), config.jvm());
    }

    /**
     * The console, the platform's web UI: one process (its sessions live in its memory), scraped by its
     * own job; it reads both clusters and the registry as each signed-in user.
     */
    private ServiceComponent console() {
        JavaService console = new JavaService(CONSOLE, "dev.bazaar.console.ConsoleApp", config.home().resolve(CONSOLE),
                config.ports().console(), layout, "/health", Map.of("BAZAAR_HOME", config.home().toString()), CONSOLE,
                true);
        return new ServiceComponent(console, Set.of(MAIN, MIRROR, SchemaRegistry.COMPONENT), Optional.of(CONSOLE),
                config.jvm());
    }

    /**
     * Every consumer group's lag of both clusters for Prometheus (module {@code lag-exporter}): one
     * process with one admin client per cluster, scraped by its own job.
     */
    private ServiceComponent lagExporter() {
        JavaService exporter = new JavaService(LAG_EXPORTER, "dev.bazaar.lag.LagExporterApp",
                config.home().resolve(LAG_EXPORTER), config.ports().lagExporter(), layout, "/health", Map.of(),
                LAG_EXPORTER, true);
        return new ServiceComponent(exporter, Set.of(MAIN, MIRROR), Optional.of(LAG_EXPORTER), config.jvm());
    }

    /**
     * The Elasticsearch node: a real node from Maven Central's jars in its own JVM (module
     * {@code search-node}), loopback only, ready when the cluster health is at least yellow.
     */
    private JavaService elasticsearch() {
        Path home = layout.dataDir(ELASTICSEARCH);
        Path module = config.home().resolve("search-node");
        return new JavaService(ELASTICSEARCH, "dev.bazaar.search.node.SearchNodeMain", module,
                config.ports().elasticsearchHttp(), layout, "/_cluster/health?wait_for_status=yellow&timeout=1s",
                Map.of("BAZAAR_ES_HOME", home.toString(), "BAZAAR_ES_DATA", home.resolve("data").toString(),
                        "BAZAAR_ES_LOGS", layout.logsDir().resolve(ELASTICSEARCH).toString(),
                        "BAZAAR_ES_MODULES", module.resolve("target/modules").toString(),
                        "BAZAAR_ES_TRANSPORT_PORT", Integer.toString(config.ports().elasticsearchTransport())),
                "search-node", false);
    }

    /**
     * One component per connector of {@code setup/connectors/}, depending on the worker and on the
     * component each placeholder names ({@code ${hdfs.url}}: {@code hdfs}).
     */
    private List<ConnectorComponent> connectors(ConnectWorker worker) {
        Path folder = config.home().resolve("setup/connectors");
        Map<String, String> owners = new HashMap<>();
        components.forEach(component -> component.endpoints().keySet()
                .forEach(endpoint -> owners.put(endpoint, component.name())));
        List<ConnectorComponent> connectors = new ArrayList<>();
        for (ConnectorSpec spec : ConnectorApplier.declared(folder, placeholders())) {
            Set<String> dependencies = new LinkedHashSet<>(List.of(ConnectWorker.COMPONENT));
            for (String placeholder : ConnectorApplier.placeholdersOf(spec.file())) {
                dependencies.add(Optional.ofNullable(owners.get(ConnectorApplier.endpointOf(placeholder))).orElseThrow(
                        () -> new IllegalStateException(
                        spec.file() + " names ${" + placeholder + "}, which no component declared before it offers")));
            }
            connectors.add(new ConnectorComponent(spec.name(), spec.file(), dependencies,
                    () -> new ConnectorApplier(worker.rest(), placeholders()), worker.url(),
                    layout.logFile(ConnectWorker.COMPONENT)));
        }
        return connectors;
    }

    /** {@code <endpoint>.url} of every component declared so far, for the placeholders of connector configs. */
    private Map<String, String> placeholders() {
        Map<String, String> placeholders = new HashMap<>(ConnectorApplier.layoutPlaceholders(layout));
        components.forEach(component -> component.endpoints()
                .forEach((endpoint, url) -> placeholders.putAll(ConnectorApplier.endpointPlaceholders(endpoint, url))));
        return placeholders;
    }
}
