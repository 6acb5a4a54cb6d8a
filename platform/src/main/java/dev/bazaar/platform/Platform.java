package dev.bazaar.platform;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.component.Catalog;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.Instances;
import dev.bazaar.platform.component.PlatformAccess;
import dev.bazaar.platform.component.Progress;
import dev.bazaar.platform.component.ReadyTimes;
import dev.bazaar.platform.component.ReconcileLock;
import dev.bazaar.platform.component.Reconciler;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.connect.ConnectComponent;
import dev.bazaar.platform.connect.ConnectWorker;
import dev.bazaar.platform.connect.ConnectorComponent;
import dev.bazaar.platform.kafka.ClusterComponent;
import dev.bazaar.platform.kafka.KafkaCluster;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.platform.mirror.MirrorMakerComponent;
import dev.bazaar.platform.monitoring.Monitoring;
import dev.bazaar.platform.monitoring.MonitoringComponent;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.platform.registry.RegistryComponent;
import dev.bazaar.platform.registry.SchemaRegistry;
import dev.bazaar.platform.service.ServiceComponent;
import dev.bazaar.platform.supervisor.Supervisor;
import dev.bazaar.platform.supervisor.SupervisorProcess;
import dev.bazaar.platform.supervisor.SupervisorState;
import dev.bazaar.setup.ConnectorApplier;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The embedded platform as {@code bazaar up} runs it on one machine: the components of its
 * {@link PlatformCatalog}, each its own process (or processes), their state under {@code var/}.
 * {@code up} reconciles the selected components with what runs: it starts what does not run, each
 * as soon as its dependencies are ready, and leaves the rest alone, so every operation is safe to repeat.
 */
public final class Platform {

    /** The secret of the keystores' password; clients never receive it. */
    static final String KEYSTORE_SECRET = PlatformTls.KEYSTORE_SECRET;
    /** The secret of the CA key's password: only the launcher, which issues certificates, reads it. */
    static final String CA_SECRET = "ca";
    static final String ADMIN = PlatformAccess.ADMIN;
    /** How long one process stopped alone ({@code bazaar stop main-2}) has after SIGTERM before it is killed. */
    private static final Duration PROCESS_STOP_DEADLINE = Duration.ofSeconds(60);

    /** The file {@code up}, {@code start} and the supervisor lock while they start components ({@code var/run/}). */
    public static final String RECONCILE_LOCK = "reconcile.lock";

    private final PlatformConfig config;
    private final RuntimeLayout layout;
    private final PlatformAccess access;
    private final Catalog catalog;
    /** The store of the TLS material, kept between calls so that the keystores it checked are not read again. */
    private CertificateStore certificates;
    /** The passwords {@link #certificates} was made with: a purge makes new ones, and a new store with them. */
    private List<String> certificatePasswords = List.of();

    public Platform(PlatformConfig config) {
        this.config = config;
        this.layout = config.layout();
        PortPlan ports = config.ports();
        this.access = new PlatformAccess(layout, Map.of(
                Cluster.MAIN, bootstrap(ports.mainBroker(1), ports.mainBroker(2), ports.mainBroker(3)),
                Cluster.MIRROR, bootstrap(ports.mirrorBroker())), "https://127.0.0.1:" + ports.registryHttp());
        this.catalog = PlatformCatalog.of(config, access);
    }

    private static String bootstrap(int... ports) {
        return String.join(",", java.util.Arrays.stream(ports).mapToObj(port -> "127.0.0.1:" + port).toList());
    }

    public RuntimeLayout layout() {
        return layout;
    }

    public PlatformConfig config() {
        return config;
    }

    public Catalog catalog() {
        return catalog;
    }

    public KafkaCluster cluster(Cluster cluster) {
        return ((ClusterComponent) catalog.component(cluster.toString())).cluster();
    }

    public SchemaRegistry registry() {
        return ((RegistryComponent) catalog.component(SchemaRegistry.COMPONENT)).registry();
    }

    public ConnectWorker connect() {
        return ((ConnectComponent) catalog.component(ConnectWorker.COMPONENT)).worker();
    }

    public MirrorMaker mirrorMaker() {
        return ((MirrorMakerComponent) catalog.component(MirrorMaker.COMPONENT)).mirrorMaker();
    }

    public PostgresServer postgres() {
        return ((PostgresComponent) catalog.component(PostgresServer.COMPONENT)).server();
    }

    public Monitoring monitoring() {
        return ((MonitoringComponent) catalog.component(MonitoringComponent.NAME)).monitoring();
    }

    /** Where everything listens: both clusters, the registry and every component's endpoints. */
    public PlatformEndpoints endpoints() {
        Map<String, String> serviceUrls = new HashMap<>();
        catalog.all().forEach(component -> serviceUrls.putAll(component.endpoints()));
        return new PlatformEndpoints(cluster(Cluster.MAIN).bootstrapServers(), cluster(Cluster.MIRROR).bootstrapServers(),
                registry().url(), serviceUrls);
    }

    /**
     * The components this platform runs: those its configuration names with what they depend on;
     * when it names none, what the last {@code up} started (for {@code status} and {@code down}) or all.
     */
    public List<Component> selected() {
        if (!config.components().isEmpty()) {
            return catalog.select(config.components());
        }
        return catalog.select(recordedSelection().orElse(List.of(Catalog.ALL)));
    }

    /**
     * Starts whatever of the chosen components (all when none is chosen) does not run, each as soon
     * as its dependencies are ready, and applies {@code setup/}; prints progress and each one's time
     * to ready. Fails, naming each component that did not start, after the others have started.
     */
    public List<ComponentStatus> up(PrintStream out) {
        return up(catalog.select(config.components().isEmpty() ? List.of(Catalog.ALL) : config.components()), out);
    }

    /**
     * Starts {@code component} (or the component of the process named so, e.g. {@code main-2}) with
     * whatever it depends on, after a {@link #stop(String)}.
     */
    public List<ComponentStatus> start(String component, PrintStream out) {
        Component chosen = catalog.owner(component);
        return up(catalog.select(List.of(chosen.name())), out);
    }

    private List<ComponentStatus> up(List<Component> selected, PrintStream out) {
        List<Reconciler.Outcome> outcomes = ReconcileLock.holding(lockFile(), () -> {
            SupervisorState supervision = new SupervisorState(layout);
            selected.forEach(component -> supervision.release(component.name()));
            recordSelection(selected);
            // its JVM starts beside the components (with its certificate); it looks only once this lock is free
            Map<String, Path> keystores = issueCertificates();
            boolean supervisorStarted = config.supervised() && SupervisorProcess.launch(config);
            List<Reconciler.Outcome> reconciled = reconcile(selected, keystores, out);
            if (supervisorStarted) {
                SupervisorProcess.awaitReady(config, new Progress(out));
            }
            return reconciled;
        });
        List<String> failed = outcomes.stream().filter(o -> o.state() == Reconciler.State.FAILED)
                .map(Reconciler.Outcome::detail).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), failed));
        }
        return status();
    }

    /**
     * Runs {@code count} instances of a scalable service (with what it depends on): starts those
     * missing, stops those beyond the count; the count holds for later {@code up}s and the supervisor.
     */
    public List<ComponentStatus> scale(String component, int count, PrintStream out) {
        Component chosen = catalog.component(component);
        if (!(chosen instanceof ServiceComponent service) || !service.scalable()) {
            throw new IllegalArgumentException(chosen.name() + " runs one instance; these can run more: "
                    + String.join(", ", catalog.all(ServiceComponent.class).stream().filter(ServiceComponent::scalable)
                            .map(ServiceComponent::name).toList()));
        }
        new Instances(layout).set(chosen.name(), count);
        List<ComponentStatus> statuses = start(chosen.name(), out);
        monitoring().refreshTargets(scrapeTargets());
        return statuses;
    }

    /**
     * Brings {@code component} back alone (what it depends on is assumed to run), holding the
     * reconcile lock: what the supervisor does with a component whose process died.
     */
    public Reconciler.Outcome revive(String component, PrintStream out) {
        Component chosen = catalog.component(component);
        return ReconcileLock.holding(lockFile(), () -> reconcile(List.of(chosen), issueCertificates(), out).get(0));
    }

    private List<Reconciler.Outcome> reconcile(List<Component> components, Map<String, Path> keystores,
            PrintStream out) {
        Progress progress = new Progress(out);
        endpoints().store(layout);
        writeLogging();
        StartContext context = new StartContext(keystores, progress, config.startTimeout(), scrapeTargets(selected()));
        List<Reconciler.Outcome> outcomes = new Reconciler(progress).up(components, context);
        Map<String, Duration> times = new HashMap<>();
        outcomes.stream().filter(o -> o.ready() && o.started()).forEach(o -> times.put(o.component(), o.toReady()));
        new ReadyTimes(layout).record(times);
        return outcomes;
    }

    private Path lockFile() {
        return layout.runDir().resolve(RECONCILE_LOCK);
    }

    /** Applies {@code setup/} to both clusters, the registry and the connectors of a running Connect worker. */
    public void applySetup(PrintStream out) {
        StartContext context = new StartContext(Map.of(), new Progress(out), config.startTimeout(), List.of());
        catalog.all(ClusterComponent.class).forEach(cluster -> cluster.applySetup(context));
        ((RegistryComponent) catalog.component(SchemaRegistry.COMPONENT)).applySchemas(context);
        if (selected().stream().anyMatch(c -> c.name().equals(ConnectWorker.COMPONENT))
                && connect().process().running().isPresent()) {
            selected().stream().filter(ConnectorComponent.class::isInstance).forEach(c -> c.up(context));
        }
    }

    /** The connectors of {@code setup/connectors/}, their placeholders filled with this platform's endpoints. */
    public ConnectorApplier connectors() {
        Map<String, String> placeholders = new HashMap<>(ConnectorApplier.layoutPlaceholders(layout()));
        endpoints().serviceUrls().forEach((name, url) -> placeholders.putAll(ConnectorApplier.endpointPlaceholders(name,
                url)));
        return new ConnectorApplier(connect().rest(), placeholders);
    }

    /**
     * Stops every component of the catalog that runs, whatever chose it: those nothing depends on
     * first, together, the clusters last; returns those killed after their stop deadline.
     */
    public List<String> down() {
        List<String> killed = new ArrayList<>(SupervisorProcess.stop(layout));
        for (List<Component> wave : catalog.stopWaves()) {
            killed.addAll(stopTogether(wave));
        }
        forgetSelection();
        return killed;
    }

    /**
     * Takes one component down on purpose (not what depends on it), or one process of it (a node,
     * {@code main-2}): the supervisor leaves it down until {@code start} or {@code up}. Returns the
     * processes killed after their stop deadline.
     */
    public List<String> stop(String component) {
        Component chosen = catalog.owner(component);
        new SupervisorState(layout).hold(chosen.name());
        if (chosen.name().equals(component)) {
            return chosen.stop();
        }
        // one process of it (a node of a cluster): the supervisor leaves the whole component alone until start
        return ProcessStopper.stopTogether(chosen.processes().stream()
                .filter(process -> process.component().equals(component)).toList(), PROCESS_STOP_DEADLINE);
    }

    private static List<String> stopTogether(List<Component> components) {
        try (ExecutorService stoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<List<String>>> stops = components.stream()
                    .map(component -> CompletableFuture.supplyAsync(component::stop, stoppers)).toList();
            return stops.stream().flatMap(stop -> stop.join().stream()).toList();
        }
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

    /** One row per process (and connector) of the selected components, with each one's last time to ready. */
    public List<ComponentStatus> status() {
        ReadyTimes times = new ReadyTimes(layout);
        SupervisorState supervision = new SupervisorState(layout);
        List<ComponentStatus> statuses = new ArrayList<>();
        // each component's probes (an admin client, a status topic, HTTP) at once, the rows in catalog order
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Component> components = selected();
            List<CompletableFuture<List<ComponentStatus>>> rows = components.stream()
                    .map(component -> CompletableFuture.supplyAsync(component::status, probes)).toList();
            for (int i = 0; i < components.size(); i++) {
                String name = components.get(i).name();
                Double seconds = times.of(name).map(time -> time.toMillis() / 1000.0).orElse(null);
                boolean crashLooping = supervision.crashLooping(name).isPresent();
                rows.get(i).join().forEach(status -> statuses.add((crashLooping && status.state()
                        != ComponentStatus.State.HEALTHY ? status.withState(ComponentStatus.State.CRASH_LOOP) : status)
                        .withSecondsToReady(seconds)));
            }
        }
        if (config.supervised() || SupervisorProcess.process(layout).running().isPresent()) {
            statuses.add(SupervisorProcess.status(config));
        }
        return statuses;
    }

    /** The super user's connection to a cluster, for setup and probes. */
    public KafkaConnection adminConnection(Cluster cluster) {
        return access.admin(cluster);
    }

    public RegistryConnection registryAs(RegistryUser user) {
        return access.registryAs(user);
    }

    /** What Prometheus scrapes on this platform, derived from its components (and the supervisor's, when supervised). */
    public List<ScrapeTarget> scrapeTargets() {
        return scrapeTargets(selected());
    }

    /** What Prometheus scrapes: every metrics endpoint and TLS listener of the selected components that can run. */
    private List<ScrapeTarget> scrapeTargets(List<Component> selected) {
        List<ScrapeTarget> targets = new ArrayList<>(selected.stream().filter(component -> component.unavailable().isEmpty())
                .flatMap(component -> component.scrapeTargets().stream()).toList());
        if (config.supervised()) {
            targets.add(new ScrapeTarget(Supervisor.COMPONENT, "127.0.0.1:" + config.ports().supervisor(), Map.of()));
        }
        return targets;
    }

    /** Issues (once) the certificate of every server in the catalog, and the exporter agents' shared one. */
    private Map<String, Path> issueCertificates() {
        CertificateStore certificates = certificateStore();
        certificates.ensureAuthority();
        Map<String, Path> keystores = new HashMap<>();
        List<TlsIdentity> identities = new ArrayList<>();
        catalog.all().forEach(component -> identities.addAll(component.tlsIdentities()));
        for (String own : List.of(MetricsAgent.IDENTITY, Supervisor.COMPONENT)) {
            identities.add(new TlsIdentity(own, "service", List.of(own)));
        }
        identities.forEach(identity -> keystores.put(identity.name(), certificates.ensureKeystore(identity)));
        return keystores;
    }

    private synchronized CertificateStore certificateStore() {
        List<String> passwords = List.of(secrets().password(KEYSTORE_SECRET),
                secrets().password(KafkaConnection.TRUSTSTORE_SECRET), secrets().password(CA_SECRET));
        if (certificates == null || !passwords.equals(certificatePasswords)) {
            certificates = new CertificateStore(layout.sslDir(), passwords.get(0).toCharArray(),
                    passwords.get(1).toCharArray(), passwords.get(2).toCharArray());
            certificatePasswords = passwords;
        }
        return certificates;
    }

    /** The names of the components every {@code up} since the last {@code down} started. */
    private java.util.Optional<List<String>> recordedSelection() {
        Path file = selectionFile();
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try {
            List<String> names = Files.readAllLines(file).stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
            return java.util.Optional.of(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void recordSelection(List<Component> selected) {
        Set<String> names = new LinkedHashSet<>(recordedSelection().orElse(List.of()));
        selected.forEach(component -> names.add(component.name()));
        names.removeIf(name -> catalog.all().stream().noneMatch(c -> c.name().equals(name)));
        Path file = selectionFile();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void forgetSelection() {
        try {
            Files.deleteIfExists(selectionFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + selectionFile(), e);
        }
    }

    private Path selectionFile() {
        return layout.runDir().resolve("components");
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

    private Secrets secrets() {
        return layout.secrets();
    }
}
