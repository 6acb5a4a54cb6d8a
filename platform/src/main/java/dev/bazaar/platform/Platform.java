package dev.bazaar.platform;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.kafka.KafkaCluster;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.kafka.NodeTls;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.registry.SchemaRegistry;
import dev.bazaar.platform.service.JavaService;
import dev.bazaar.setup.PlatformSetup;
import dev.bazaar.setup.PlatformSpec;
import dev.bazaar.setup.SetupReport;
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
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * The embedded platform as {@code bazaar up} runs it on one machine: the main and mirror clusters
 * and the schema registry, each component its own process, their state under {@code var/}.
 * Every operation is safe to repeat: {@code up} starts only what does not run.
 */
public final class Platform {

    /** The secret of the keystores' password; clients never receive it. */
    static final String KEYSTORE_SECRET = "keystore";
    static final String ADMIN = "admin";
    private static final String NODE_UNIT = "kafka-node";
    private static final String SERVICE_UNIT = "service";

    private final PlatformConfig config;
    private final RuntimeLayout layout;
    private final KafkaCluster main;
    private final KafkaCluster mirror;
    private final SchemaRegistry registry;
    private final List<JavaService> services;

    public Platform(PlatformConfig config) {
        this.config = config;
        this.layout = config.layout();
        PortPlan ports = config.ports();
        JavaCommand java = new JavaCommand(config.javaExecutable(), config.runtimeClasspath(),
                layout.confDir("logging").resolve("log4j2.properties"));
        this.main = new KafkaCluster(Cluster.MAIN, IntStream.rangeClosed(1, PortPlan.MAIN_NODES)
                .mapToObj(id -> new KafkaNode("main", id, ports.mainBroker(id), ports.mainController(id))).toList(),
                layout, java);
        this.mirror = new KafkaCluster(Cluster.MIRROR,
                List.of(new KafkaNode("mirror", 1, ports.mirrorBroker(), ports.mirrorController())), layout, java);
        this.registry = new SchemaRegistry(layout, java, config.registryDistribution(), ports.registryHttp(),
                ports.registryManagement());
        this.services = !config.services() ? List.of() : List.of(
                new JavaService("shop-api", "dev.bazaar.shop.ShopApi", config.home().resolve("shop-api"), ports.shopApi(),
                        layout),
                new JavaService("stream-filter", "dev.bazaar.filter.StreamFilterApp", config.home().resolve("stream-filter"),
                        ports.streamFilter(), layout));
    }

    public RuntimeLayout layout() {
        return layout;
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
        awaitCluster(main, out, began);
        applyKafkaSetup(Cluster.MAIN, out);
        registry.prepare(KafkaConnection.embedded(layout, Cluster.MAIN, SchemaRegistry.PRINCIPAL),
                keystores.get(SchemaRegistry.COMPONENT), secrets().password(KEYSTORE_SECRET));
        long registryBegan = System.nanoTime();
        if (registry.start()) {
            out.println("schema registry: starting");
        }
        awaitCluster(mirror, out, began);
        applyKafkaSetup(Cluster.MIRROR, out);
        registry.awaitReady(config.startTimeout());
        out.printf("schema registry: ready at %s (%s)%n", registry.url(), seconds(registryBegan));
        print(out, "schemas", setup().applySchemas(registryAs(RegistryUser.ADMIN)));
        startServices(out);
        return status();
    }

    /** Applies {@code setup/} to both clusters and the registry, which must be running. */
    public void applySetup(PrintStream out) {
        applyKafkaSetup(Cluster.MAIN, out);
        applyKafkaSetup(Cluster.MIRROR, out);
        print(out, "schemas", setup().applySchemas(registryAs(RegistryUser.ADMIN)));
    }

    /** Stops every component (the registry first, then both clusters together); returns those killed. */
    public List<String> down() {
        List<String> killed = new ArrayList<>();
        services.forEach(service -> killed.addAll(service.stop()));
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
        services.stream().filter(JavaService::built).forEach(service -> statuses.add(service.status()));
        return statuses;
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
                secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray());
        certificates.ensureAuthority();
        Map<String, Path> keystores = new HashMap<>();
        Stream.concat(main.nodes().stream(), mirror.nodes().stream()).forEach(node -> keystores.put(node.name(),
                certificates.ensureKeystore(new TlsIdentity(node.name(), NODE_UNIT, List.of(node.name())))));
        keystores.put(SchemaRegistry.COMPONENT, certificates.ensureKeystore(
                new TlsIdentity(SchemaRegistry.COMPONENT, SERVICE_UNIT, List.of(SchemaRegistry.COMPONENT))));
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
