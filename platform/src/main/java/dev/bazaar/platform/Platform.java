package dev.bazaar.platform;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.connect.ConnectWorker;
import dev.bazaar.platform.hdfs.Hdfs;
import dev.bazaar.platform.kafka.KafkaCluster;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.kafka.NodeTls;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.platform.monitoring.Monitoring;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.registry.SchemaRegistry;
import dev.bazaar.platform.service.JavaService;
import dev.bazaar.setup.ConnectorApplier;
import dev.bazaar.setup.PlatformSetup;
import dev.bazaar.setup.PlatformSpec;
import dev.bazaar.setup.SetupReport;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * The embedded platform as {@code bazaar up} runs it on one machine: the main and mirror clusters,
 * the schema registry, and the parts its configuration names (search and services, MirrorMaker 2,
 * monitoring), each component its own process, their state under {@code var/}.
 * Every operation is safe to repeat: {@code up} starts only what does not run.
 */
public final class Platform {

    /** The secret of the keystores' password; clients never receive it. */
    static final String KEYSTORE_SECRET = PlatformTls.KEYSTORE_SECRET;
    /** The secret of the CA key's password: only the launcher, which issues certificates, reads it. */
    static final String CA_SECRET = "ca";
    static final String ADMIN = "admin";
    private static final String NODE_UNIT = "kafka-node";
    private static final String SERVICE_UNIT = "service";
    private static final String ELASTICSEARCH = "elasticsearch";
    private static final String ANALYTICS = "analytics";
    /** The HTTP servers that serve HTTPS with a certificate of their own (issued whether or not they run here). */
    static final List<String> HTTPS_SERVERS = List.of("shop-api", "stream-filter", "client-api", ANALYTICS,
            ConnectWorker.COMPONENT, Monitoring.PROMETHEUS, Monitoring.ALERTMANAGER, Monitoring.BLACKBOX,
            MetricsAgent.IDENTITY);

    private final PlatformConfig config;
    private final RuntimeLayout layout;
    private final KafkaCluster main;
    private final KafkaCluster mirror;
    private final SchemaRegistry registry;
    private final JavaService elasticsearch;
    private final Hdfs hdfs;
    private final ConnectWorker connect;
    private final MirrorMaker mirrorMaker;
    private final Monitoring monitoring;
    private final List<JavaService> services;
    /** The scheduler that runs the Spark job every few minutes; it has no metrics endpoint, unlike the services. */
    private final JavaService analytics;

    public Platform(PlatformConfig config) {
        this.config = config;
        this.layout = config.layout();
        PortPlan ports = config.ports();
        JavaCommand java = new JavaCommand(config.javaExecutable(), config.runtimeClasspath(),
                layout.confDir("logging").resolve("log4j2.properties"));
        Optional<MetricsAgent.Rules> brokerMetrics = Optional.of(config.metricsRules("kafka-broker"));
        this.main = new KafkaCluster(Cluster.MAIN, IntStream.rangeClosed(1, PortPlan.MAIN_NODES)
                .mapToObj(id -> new KafkaNode("main", id, ports.mainBroker(id), ports.mainController(id),
                        ports.mainBrokerMetrics(id))).toList(), layout, java, brokerMetrics);
        this.mirror = new KafkaCluster(Cluster.MIRROR, List.of(new KafkaNode("mirror", 1, ports.mirrorBroker(),
                ports.mirrorController(), ports.mirrorBrokerMetrics())), layout, java, brokerMetrics);
        this.registry = new SchemaRegistry(layout, java, config.registryDistribution(), ports.registryHttp(),
                ports.registryManagement());
        this.elasticsearch = elasticsearch(config);
        this.hdfs = new Hdfs(config.home(), layout, ports);
        this.connect = new ConnectWorker(layout, java, config.connectorPluginPath(), ports.connectRest(),
                Optional.of(config.metricsRules("connect").on(ports.connectMetrics())));
        this.mirrorMaker = new MirrorMaker(layout, java, config.metricsRules("mirror-maker").on(ports.mirrorMakerMetrics()),
                PlatformSpec.load().mirroredTopics());
        this.monitoring = new Monitoring(config.home(), layout, ports.prometheus(), ports.alertmanager(),
                ports.blackboxExporter());
        this.services = !config.services() ? List.of() : List.of(
                new JavaService("shop-api", "dev.bazaar.shop.ShopApi", config.home().resolve("shop-api"), ports.shopApi(),
                        layout),
                new JavaService("stream-filter", "dev.bazaar.filter.StreamFilterApp", config.home().resolve("stream-filter"),
                        ports.streamFilter(), layout),
                new JavaService("client-api", "dev.bazaar.client.ClientApi", config.home().resolve("client-api"),
                        ports.clientApi(), layout));
        this.analytics = new JavaService(ANALYTICS, "dev.bazaar.analytics.AnalyticsScheduler",
                config.home().resolve(ANALYTICS), ports.analyticsScheduler(), layout, "/health",
                Map.of("BAZAAR_ANALYTICS_EVERY", config.analyticsEvery()), ANALYTICS, true);
    }

    /**
     * The Elasticsearch node: a real node from Maven Central's jars in its own JVM (module
     * {@code search-node}), loopback only, ready when the cluster health is at least yellow.
     */
    private static JavaService elasticsearch(PlatformConfig config) {
        RuntimeLayout layout = config.layout();
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

    public RuntimeLayout layout() {
        return layout;
    }

    public ConnectWorker connect() {
        return connect;
    }

    public MirrorMaker mirrorMaker() {
        return mirrorMaker;
    }

    public Monitoring monitoring() {
        return monitoring;
    }

    /** Whether {@code up} runs Prometheus and friends: the part is chosen and their packages are installed. */
    private boolean monitored() {
        return config.runs(PlatformConfig.Part.MONITORING) && monitoring.missingPackages().isEmpty();
    }

    /** Whether any connector plugin was built: Connect without one has nothing to run. */
    private boolean connectorsBuilt() {
        return !config.connectorPluginPath().isEmpty();
    }

    /** Whether this platform runs the search components and services ({@code bazaar up} does; most tests do not). */
    private boolean withServices() {
        return config.services();
    }

    public KafkaCluster cluster(Cluster cluster) {
        return cluster == Cluster.MAIN ? main : mirror;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    public PlatformEndpoints endpoints() {
        Map<String, String> serviceUrls = new HashMap<>();
        services.forEach(service -> serviceUrls.put(service.name(), service.url()));
        if (withServices()) {
            serviceUrls.put(ANALYTICS, analytics.url());
        }
        if (withServices()) {
            serviceUrls.put(ELASTICSEARCH, elasticsearch.url());
            serviceUrls.put(ConnectWorker.COMPONENT, connect.url());
            serviceUrls.put("hdfs", hdfs.url());
            serviceUrls.put("webhdfs", hdfs.webUrl());
        }
        if (config.runs(PlatformConfig.Part.MONITORING)) {
            serviceUrls.put(Monitoring.PROMETHEUS, monitoring.prometheusUrl());
            serviceUrls.put(Monitoring.ALERTMANAGER, monitoring.alertmanagerUrl());
        }
        return new PlatformEndpoints(main.bootstrapServers(), mirror.bootstrapServers(), registry.url(), serviceUrls);
    }

    /** Starts whatever does not run, waits for each to answer, applies {@code setup/}; prints progress. */
    public List<ComponentStatus> up(PrintStream out) {
        Map<String, Path> keystores = issueCertificates();
        endpoints().store(layout);
        writeLogging();
        NodeTls tls = new NodeTls(layout.truststore(), secrets().password(KafkaConnection.TRUSTSTORE_SECRET),
                secrets().password(KEYSTORE_SECRET));
        String adminPassword = secrets().password(ADMIN);
        main.prepare(tls, keystores, adminPassword);
        mirror.prepare(tls, keystores, adminPassword);
        long began = System.nanoTime();
        startProcesses(main, out);
        startProcesses(mirror, out);
        boolean search = withServices() && launch(elasticsearch, out);
        boolean storage = withServices() && launchHdfs(out);
        awaitCluster(main, out, began);
        applyKafkaSetup(Cluster.MAIN, out);
        boolean connectStarted = withServices() && startConnect(out);
        registry.prepare(KafkaConnection.embedded(layout, Cluster.MAIN, SchemaRegistry.PRINCIPAL),
                keystores.get(SchemaRegistry.COMPONENT), secrets().password(KEYSTORE_SECRET));
        long registryBegan = System.nanoTime();
        if (registry.start()) {
            out.println("schema registry: starting");
        }
        awaitCluster(mirror, out, began);
        applyKafkaSetup(Cluster.MIRROR, out);
        boolean mirroring = startMirrorMaker(out);
        registry.awaitReady(config.startTimeout());
        out.printf("schema registry: ready at %s (%s)%n", registry.url(), seconds(registryBegan));
        print(out, "schemas", setup().applySchemas(registryAs(RegistryUser.ADMIN)));
        if (search) {
            awaitReady(elasticsearch, out, began);
        }
        if (storage) {
            hdfs.awaitReady(config.startTimeout());
            out.printf("hdfs: ready at %s, WebHDFS %s (%s)%n", hdfs.url(), hdfs.webUrl(), seconds(began));
        }
        if (connectStarted) {
            connect.awaitReady(config.startTimeout());
            out.printf("connect: ready at %s (%s)%n", connect.url(), seconds(began));
            applyConnectors(out);
        }
        startServices(out);
        startAnalytics(out);
        if (mirroring) {
            mirrorMaker.awaitReady(config.startTimeout(), adminConnection(Cluster.MIRROR));
            out.printf("mirror-maker: replicating main -> mirror (%s)%n", seconds(began));
        }
        // last, once every target answers, so that a start raises no alert
        if (startMonitoring(out)) {
            monitoring.awaitReady(config.startTimeout(), out);
        }
        return status();
    }

    /** Applies {@code setup/} to both clusters, the registry and the Connect worker, which must be running. */
    public void applySetup(PrintStream out) {
        applyKafkaSetup(Cluster.MAIN, out);
        applyKafkaSetup(Cluster.MIRROR, out);
        print(out, "schemas", setup().applySchemas(registryAs(RegistryUser.ADMIN)));
        if (withServices() && connect.process().running().isPresent()) {
            applyConnectors(out);
        }
    }

    /** The connectors of {@code setup/connectors/}, their placeholders filled with this platform's endpoints. */
    public ConnectorApplier connectors() {
        return new ConnectorApplier(connect.rest(), Map.of("elasticsearch.url", elasticsearch.url(),
                "hdfs.url", hdfs.url()));
    }

    private void applyConnectors(PrintStream out) {
        ConnectorApplier connectors = connectors();
        try {
            List<ConnectorApplier.ConnectorSpec> declared = connectors.load(config.home().resolve("setup/connectors"));
            List<ConnectorApplier.ConnectorSpec> runnable = runnable(connectors, declared);
            declared.stream().filter(spec -> !runnable.contains(spec)).forEach(spec -> out.printf(
                    "connectors: %s skipped, no built plugin offers %s (./bazaar build)%n", spec.name(),
                    spec.connectorClass()));
            print(out, "connectors", connectors.apply(runnable, config.startTimeout()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot apply the connectors through " + connect.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying the connectors", e);
        }
    }

    /** Stops every component (the registry first, then both clusters together); returns those killed. */
    public List<String> down() {
        List<String> killed = new ArrayList<>(monitoring.stop());
        killed.addAll(analytics.stop());
        services.forEach(service -> killed.addAll(service.stop()));
        killed.addAll(mirrorMaker.stop());
        killed.addAll(connect.stop());
        killed.addAll(hdfs.stop());
        killed.addAll(elasticsearch.stop());
        killed.addAll(registry.stop());
        killed.addAll(main.stop());
        killed.addAll(mirror.stop());
        return killed;
    }

    /** Deletes all runtime state; only after {@link #down()}. */
    public void purge() {
        if (!Files.exists(layout.root())) {
            return;
        }
        try (Stream<Path> paths = Files.walk(layout.root())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + layout.root(), e);
        }
    }

    public List<ComponentStatus> status() {
        List<ComponentStatus> statuses = new ArrayList<>();
        statuses.addAll(main.status(Files.exists(layout.truststore()) && main.answers(adminConnection(Cluster.MAIN))));
        statuses.addAll(mirror.status(Files.exists(layout.truststore()) && mirror.answers(adminConnection(Cluster.MIRROR))));
        statuses.add(registry.status());
        if (withServices()) {
            if (elasticsearch.built()) {
                statuses.add(elasticsearch.status());
            }
            if (hdfs.built()) {
                statuses.addAll(hdfs.status());
            }
            if (connectorsBuilt()) {
                statuses.add(connect.status());
                statuses.addAll(connectorStatuses());
            }
        }
        services.stream().filter(JavaService::built).forEach(service -> statuses.add(service.status()));
        if (withServices() && analytics.built()) {
            statuses.add(analytics.status());
        }
        if (config.runs(PlatformConfig.Part.MIRRORING)) {
            statuses.add(mirrorMaker.status(adminConnection(Cluster.MIRROR)));
        }
        if (monitored()) {
            statuses.addAll(monitoring.status());
        }
        return statuses;
    }

    /** One row per declared connector: RUNNING (it and all its tasks) is healthy. */
    private List<ComponentStatus> connectorStatuses() {
        if (connect.process().running().isEmpty()) {
            return List.of();
        }
        ConnectorApplier connectors = connectors();
        List<ConnectorApplier.ConnectorSpec> runnable;
        try {
            runnable = runnable(connectors, connectors.load(config.home().resolve("setup/connectors")));
        } catch (IOException | IllegalStateException e) {
            return List.of(new ComponentStatus("connectors", connect.url() + "/connector-plugins", null,
                    ComponentStatus.State.UNHEALTHY, layout.logFile(ConnectWorker.COMPONENT).toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<ComponentStatus> statuses = new ArrayList<>();
        for (ConnectorApplier.ConnectorSpec spec : runnable) {
            ComponentStatus.State state;
            try {
                state = ConnectorApplier.running(connectors.status(spec.name())) ? ComponentStatus.State.HEALTHY
                        : ComponentStatus.State.UNHEALTHY;
            } catch (IOException | IllegalStateException e) {
                state = ComponentStatus.State.STOPPED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state = ComponentStatus.State.UNHEALTHY;
            }
            statuses.add(new ComponentStatus("connector " + spec.name(), connect.url() + "/connectors/" + spec.name()
                    + "/status", null, state, layout.logFile(ConnectWorker.COMPONENT).toString()));
        }
        return statuses;
    }

    /** The declared connectors whose class a built plugin offers: a partial build runs what it has. */
    private static List<ConnectorApplier.ConnectorSpec> runnable(ConnectorApplier connectors,
            List<ConnectorApplier.ConnectorSpec> declared) throws IOException, InterruptedException {
        Set<String> offered = connectors.offeredClasses();
        return declared.stream().filter(spec -> offered.contains(spec.connectorClass())).toList();
    }

    /** The super user's connection to a cluster, for setup and probes. */
    public KafkaConnection adminConnection(Cluster cluster) {
        return new KafkaConnection(cluster(cluster).bootstrapServers(), ADMIN, secrets().password(ADMIN),
                layout.truststore(), secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    public RegistryConnection registryAs(RegistryUser user) {
        return new RegistryConnection(registry.url(), user.username(), secrets().password(user.secretName()),
                layout.truststore(), secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    private void startServices(PrintStream out) {
        for (JavaService service : services) {
            if (!service.built()) {
                out.printf("%s: not built, skipped (./bazaar build)%n", service.name());
                continue;
            }
            long began = System.nanoTime();
            if (service.start(config.javaExecutable(), config.startTimeout())) {
                out.printf("%s: ready at %s (%s)%n", service.name(), service.url(), seconds(began));
            }
        }
    }

    /** Starts the analytics scheduler, which runs the job every {@code BAZAAR_ANALYTICS_EVERY}, once HDFS and Kafka are ready. */
    private void startAnalytics(PrintStream out) {
        if (!withServices()) {
            return;
        }
        if (!analytics.built()) {
            out.printf("%s: not built, skipped (./bazaar build)%n", ANALYTICS);
            return;
        }
        long began = System.nanoTime();
        if (analytics.start(config.javaExecutable(), config.startTimeout())) {
            out.printf("%s: scheduled every %s, status at %s/health (%s)%n", ANALYTICS, config.analyticsEvery(),
                    analytics.url(), seconds(began));
        }
    }

    /** Starts {@code service} without waiting; false (and says so) when it was not built. */
    private boolean launch(JavaService service, PrintStream out) {
        if (!service.built()) {
            out.printf("%s: not built, skipped (./bazaar build)%n", service.name());
            return false;
        }
        if (service.launch(config.javaExecutable())) {
            out.printf("%s: starting%n", service.name());
        }
        return true;
    }

    /** Starts the NameNode and the DataNode without waiting; false (and says so) when they were not built. */
    private boolean launchHdfs(PrintStream out) {
        if (!hdfs.built()) {
            out.println("hdfs: not built, skipped (./bazaar build)");
            return false;
        }
        if (hdfs.launch(config.javaExecutable())) {
            out.println("hdfs: starting");
        }
        return true;
    }

    private void awaitReady(JavaService service, PrintStream out, long beganNanos) {
        service.awaitReady(config.startTimeout());
        out.printf("%s: ready at %s (%s)%n", service.name(), service.url(), seconds(beganNanos));
    }

    /** Starts MirrorMaker 2 as principal mirror, once both clusters have its ACLs; false when it is not part of this platform. */
    private boolean startMirrorMaker(PrintStream out) {
        if (!config.runs(PlatformConfig.Part.MIRRORING)) {
            return false;
        }
        mirrorMaker.prepare(KafkaConnection.embedded(layout, Cluster.MAIN, MirrorMaker.PRINCIPAL),
                KafkaConnection.embedded(layout, Cluster.MIRROR, MirrorMaker.PRINCIPAL));
        if (mirrorMaker.start()) {
            out.println("mirror-maker: starting");
        }
        return true;
    }

    /**
     * Starts Prometheus, Alertmanager and the blackbox exporter with every target this platform will
     * run; false, saying which packages are missing, when they cannot run.
     */
    private boolean startMonitoring(PrintStream out) {
        if (!config.runs(PlatformConfig.Part.MONITORING)) {
            return false;
        }
        if (!monitoring.missingPackages().isEmpty()) {
            out.printf("monitoring: skipped, Debian packages missing: %s (./bazaar up installs them when it may "
                    + "run apt-get; else: sudo apt-get install %s)%n", monitoring.missingPackages(),
                    String.join(" ", monitoring.missingPackages()));
            return false;
        }
        monitoring.start(scrapeTargets(), out);
        return true;
    }

    /** What Prometheus scrapes: every metrics endpoint of the parts this platform runs, and the TLS listeners. */
    private List<ScrapeTarget> scrapeTargets() {
        List<ScrapeTarget> targets = new ArrayList<>(monitoring.ownTargets());
        for (KafkaCluster cluster : List.of(main, mirror)) {
            for (KafkaNode node : cluster.nodes()) {
                targets.add(new ScrapeTarget("kafka-broker", KafkaNode.HOST + ":" + node.metricsPort(),
                        Map.of("cluster", cluster.cluster().toString(), "node", node.name())));
                targets.add(new ScrapeTarget("blackbox-tls", node.brokerAddress(),
                        Map.of("cluster", cluster.cluster().toString(), "component", node.name())));
            }
        }
        targets.add(new ScrapeTarget("blackbox-tls", registry.url().replaceFirst("^https://", ""),
                Map.of("component", SchemaRegistry.COMPONENT)));
        if (withServices() && connectorsBuilt()) {
            connect.metricsUrl().ifPresent(url -> targets.add(new ScrapeTarget("connect", hostPort(url), Map.of())));
            targets.add(new ScrapeTarget("blackbox-tls", hostPort(connect.url()), Map.of("component", ConnectWorker.COMPONENT)));
        }
        if (config.runs(PlatformConfig.Part.MIRRORING)) {
            targets.add(new ScrapeTarget("mirror-maker", hostPort(mirrorMaker.metricsUrl()),
                    Map.of("source", MirrorMaker.SOURCE, "target", MirrorMaker.TARGET)));
        }
        services.stream().filter(JavaService::built).forEach(service -> targets.add(
                new ScrapeTarget(service.name(), hostPort(service.url()), Map.of())));
        // the certificate of every HTTPS service (Connect's above), for CertificateExpiresSoon and TlsProbeFailed
        Stream.concat(services.stream(), Stream.of(analytics)).filter(service -> withServices() && service.built())
                .forEach(service -> targets.add(new ScrapeTarget("blackbox-tls", hostPort(service.url()),
                        Map.of("component", service.name()))));
        return targets;
    }

    private static String hostPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    /** Starts the Connect worker as principal connect once the main cluster has its topics. */
    private boolean startConnect(PrintStream out) {
        if (!connectorsBuilt()) {
            out.println("connect: no connector plugin built, skipped (./bazaar build)");
            return false;
        }
        connect.prepare(KafkaConnection.embedded(layout, Cluster.MAIN, ConnectWorker.PRINCIPAL));
        if (connect.start()) {
            out.println("connect: starting");
        }
        return true;
    }

    private static void startProcesses(KafkaCluster cluster, PrintStream out) {
        List<String> started = cluster.start();
        if (!started.isEmpty()) {
            out.printf("%s cluster: starting %s%n", cluster.cluster(), String.join(", ", started));
        }
    }

    private void awaitCluster(KafkaCluster cluster, PrintStream out, long beganNanos) {
        cluster.awaitReady(adminConnection(cluster.cluster()), config.startTimeout());
        cluster.electPreferredLeaders(adminConnection(cluster.cluster()));
        out.printf("%s cluster: ready at %s (%s)%n", cluster.cluster(), cluster.bootstrapServers(), seconds(beganNanos));
    }

    private void applyKafkaSetup(Cluster cluster, PrintStream out) {
        try (Admin admin = KafkaCluster.admin(adminConnection(cluster))) {
            print(out, cluster + " cluster", setup().applyKafka(cluster, admin));
        }
    }

    private Map<String, Path> issueCertificates() {
        CertificateStore certificates = new CertificateStore(layout.sslDir(),
                secrets().password(KEYSTORE_SECRET).toCharArray(),
                secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray(),
                secrets().password(CA_SECRET).toCharArray());
        certificates.ensureAuthority();
        Map<String, Path> keystores = new HashMap<>();
        Stream.concat(main.nodes().stream(), mirror.nodes().stream()).forEach(node -> keystores.put(node.name(),
                certificates.ensureKeystore(new TlsIdentity(node.name(), NODE_UNIT, List.of(node.name())))));
        keystores.put(SchemaRegistry.COMPONENT, certificates.ensureKeystore(
                new TlsIdentity(SchemaRegistry.COMPONENT, SERVICE_UNIT, List.of(SchemaRegistry.COMPONENT))));
        HTTPS_SERVERS.forEach(service -> keystores.put(service, certificates.ensureKeystore(
                new TlsIdentity(service, SERVICE_UNIT, List.of(service)))));
        return keystores;
    }

    private void writeLogging() {
        Path file = layout.confDir("logging").resolve("log4j2.properties");
        try (InputStream in = Platform.class.getResourceAsStream("/bazaar/log4j2-component.properties")) {
            Files.createDirectories(file.getParent());
            Files.write(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private PlatformSetup setup() {
        return new PlatformSetup(PlatformSpec.load(), secrets());
    }

    private Secrets secrets() {
        return layout.secrets();
    }

    private static void print(PrintStream out, String what, SetupReport report) {
        out.println("setup of " + what + ":");
        report.lines().forEach(out::println);
    }

    private static String seconds(long beganNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", Duration.ofNanos(System.nanoTime() - beganNanos).toMillis() / 1000.0);
    }
}
