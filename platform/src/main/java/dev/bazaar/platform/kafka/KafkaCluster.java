package dev.bazaar.platform.kafka;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.Poll;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.platform.process.StartupFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft cluster of the platform, every node its own process: formats each node's storage
 * once, starts the nodes that are not running, waits until the cluster answers over SASL_SSL and
 * stops all nodes together. Brokers talk to each other as their own principal ({@code kafka-broker}),
 * whose password is generated into {@code var/secrets/} like the others; {@code admin} only administers.
 */
public final class KafkaCluster {

    private static final Pattern SCRAM_RECORD = Pattern.compile(
            "UserScramCredentialRecord\\([^)]*\\)");

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    /** How long a node whose quorum has exited may still take to finish before it is killed: it cannot shut down cleanly. */
    private static final Duration QUORUM_LOST_GRACE = Duration.ofSeconds(5);
    private static final Duration CREDENTIAL_DEADLINE = Duration.ofSeconds(30);
    private static final int SCRAM_ITERATIONS = 8192;
    private static final List<String> HEAP = List.of("-Xms128m", "-Xmx512m");

    private final Cluster cluster;
    private final List<KafkaNode> nodes;
    private final RuntimeLayout layout;
    private final JavaCommand java;
    private final Optional<MetricsAgent.Rules> metrics;

    /** A cluster whose nodes run the JMX exporter agent on their metrics ports, when {@code metrics} is present. */
    public KafkaCluster(Cluster cluster, List<KafkaNode> nodes, RuntimeLayout layout, JavaCommand java,
            Optional<MetricsAgent.Rules> metrics) {
        this.cluster = cluster;
        this.nodes = List.copyOf(nodes);
        this.layout = layout;
        this.java = java;
        this.metrics = metrics;
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<KafkaNode> nodes() {
        return nodes;
    }

    public String bootstrapServers() {
        return nodes.stream().map(KafkaNode::brokerAddress).collect(Collectors.joining(","));
    }

    /**
     * Writes each node's configuration and formats the storage of nodes that have none yet, with the
     * SCRAM credentials of {@code admin} and of the brokers' own principal.
     */
    public void prepare(NodeTls tls, Map<String, Path> keystores, String adminPassword) {
        String clusterId = clusterId();
        String brokerPassword = layout.secrets().password(NodeProperties.BROKER);
        for (KafkaNode node : nodes) {
            Path config = layout.confDir(node.name()).resolve("server.properties");
            Map<String, String> props = NodeProperties.of(node, nodes, layout.dataDir(node.name()),
                    keystores.get(node.name()), tls, brokerPassword);
            PrivateFiles.writeProperties(config, props, "Kafka node " + node.name() + ", written by ./bazaar up");
            if (!Files.exists(layout.dataDir(node.name()).resolve("meta.properties"))) {
                format(node, config, clusterId, adminPassword, brokerPassword);
            }
        }
    }

    /** Starts every node that does not run; returns the names of those it started. */
    public List<String> start() {
        List<String> started = new ArrayList<>();
        for (KafkaNode node : nodes) {
            ManagedProcess process = process(node);
            if (process.running().isEmpty()) {
                Path config = layout.confDir(node.name()).resolve("server.properties");
                List<String> jvm = new ArrayList<>(HEAP);
                metrics.ifPresent(rules -> jvm.add(rules.on(node.metricsPort()).javaagentOption()));
                process.start(java.command(node.name(), jvm, "kafka.Kafka", List.of(config.toString())),
                        layout.dataDir(node.name()).getParent(), Map.of());
                started.add(node.name());
            }
        }
        if (!started.isEmpty()) {
            log.info("started {}", started);
        }
        return started;
    }

    /**
     * Waits until every node is registered and answers metadata over SASL_SSL, then makes sure the
     * brokers' own credential exists; fails naming the log.
     */
    public void awaitReady(KafkaConnection admin, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin client = admin(admin)) {
            Optional<String> credentialProblem = Optional.empty();
            while (true) {
                failIfDead();
                if (registeredNodes(client) == nodes.size()) {
                    credentialProblem = ensureBrokerCredential(client);
                    if (credentialProblem.isEmpty()) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new StartupFailure(cluster + " cluster", layout.logFile(nodes.get(0).name()), credentialProblem
                            .orElse("not all " + nodes.size() + " nodes answered within " + timeout.toSeconds() + " s"));
                }
                Poll.pause();
            }
        }
    }

    /** Moves leadership back to the preferred replicas, as after a full restart all may sit on one node. */
    public void electPreferredLeaders(KafkaConnection admin) {
        try (Admin client = admin(admin)) {
            client.electLeaders(ElectionType.PREFERRED, null).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.debug("preferred leader election: {}", e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("preferred leader election did not finish in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops all nodes at once; a node left without its quorum (the others exited first) gets
     * {@link #QUORUM_LOST_GRACE} before it is killed. Returns the nodes that had to be killed.
     */
    public List<String> stop() {
        return ProcessStopper.stopQuorum(nodes.stream().map(this::process).toList(), QUORUM_LOST_GRACE, STOP_DEADLINE);
    }

    public List<ComponentStatus> status(boolean clusterAnswers) {
        return nodes.stream().map(node -> {
            Optional<ProcessHandle> handle = process(node).running();
            ComponentStatus.State state = handle.isEmpty() ? ComponentStatus.State.STOPPED
                    : clusterAnswers ? ComponentStatus.State.HEALTHY : ComponentStatus.State.UNHEALTHY;
            return new ComponentStatus(node.name(), node.brokerAddress(), handle.map(ProcessHandle::pid).orElse(null),
                    state, layout.logFile(node.name()).toString());
        }).toList();
    }

    /** Whether every node runs and the cluster answers metadata within a few seconds. */
    public boolean answers(KafkaConnection admin) {
        if (nodes.stream().anyMatch(n -> process(n).running().isEmpty())) {
            return false;
        }
        try (Admin client = admin(admin)) {
            return registeredNodes(client) == nodes.size();
        }
    }

    public ManagedProcess process(KafkaNode node) {
        return new ManagedProcess(node.name(), layout.pidFile(node.name()), layout.logFile(node.name()));
    }

    public static Admin admin(KafkaConnection connection) {
        Properties props = connection.clientProperties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return Admin.create(props);
    }

    private int registeredNodes(Admin client) {
        try {
            return client.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("{} not ready: {}", cluster, e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + cluster + " cluster", e);
        }
    }

    /**
     * Gives the brokers' principal its SCRAM credential where the cluster lacks it, as admin: storage
     * formatted by a version whose brokers authenticated as admin has none, and until it exists the
     * brokers cannot replicate from each other (registering and answering clients go through the
     * controllers and work already). Returns what went wrong, to retry until the start deadline.
     */
    private Optional<String> ensureBrokerCredential(Admin client) {
        String broker = NodeProperties.BROKER;
        try {
            boolean known = client.describeUserScramCredentials().all()
                    .get(CREDENTIAL_DEADLINE.toSeconds(), TimeUnit.SECONDS).values().stream()
                    .anyMatch(d -> d.name().equals(broker) && d.credentialInfos().stream()
                            .anyMatch(i -> i.mechanism() == ScramMechanism.SCRAM_SHA_512));
            if (known) {
                return Optional.empty();
            }
            client.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(broker,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                    layout.secrets().password(broker)))).all().get(CREDENTIAL_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            log.info("created the SCRAM credential of {} on the {} cluster: its storage was formatted without it",
                    broker, cluster);
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            String problem = "the brokers' credential " + broker + " could not be set as admin ("
                    + (e instanceof ExecutionException ? e.getCause() : e) + "); without it brokers cannot replicate"
                    + " from each other: run ./bazaar down --purge to start again with fresh storage";
            log.warn("{} cluster: {}; retrying", cluster, problem);
            return Optional.of(problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the credential of " + broker, e);
        }
    }

    private void failIfDead() {
        for (KafkaNode node : nodes) {
            if (process(node).running().isEmpty()) {
                throw new StartupFailure(node.name(), layout.logFile(node.name()), "the process exited");
            }
        }
    }

    private String clusterId() {
        return clusterId(layout, cluster);
    }

    /** The id of {@code cluster} in {@code layout}, generated and kept at the first call. */
    public static String clusterId(RuntimeLayout layout, Cluster cluster) {
        Path file = layout.confDir(cluster.toString()).resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(file.getParent());
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the cluster id in " + file, e);
        }
    }

    private void format(KafkaNode node, Path config, String clusterId, String adminPassword, String brokerPassword) {
        formatStorage(node.name(), config, clusterId, adminPassword, brokerPassword);
    }

    /**
     * Formats the storage that {@code config} names in this JVM, with the SCRAM credentials of
     * {@code admin} and of the brokers' own principal, so no password ever shows on a command line.
     */
    public static void formatStorage(String node, Path config, String clusterId, String adminPassword,
            String brokerPassword) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", clusterId, "--config", config.toString(),
            "--add-scram", scram(NodeProperties.ADMIN, adminPassword),
            "--add-scram", scram(NodeProperties.BROKER, brokerPassword)};
        int code;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting the storage of " + node + " failed: " + e.getMessage(), e);
        }
        // the tool prints the bootstrap records, SCRAM salted keys included: never log them
        String printed = SCRAM_RECORD.matcher(output.toString(StandardCharsets.UTF_8)).replaceAll("UserScramCredentialRecord(…)");
        if (code != 0) {
            throw new IllegalStateException("formatting the storage of " + node + " failed (" + code + "): "
                    + printed);
        }
        log.info("formatted the storage of {}", node);
        log.debug("{}", printed.strip());
    }

    private static String scram(String user, String password) {
        return "SCRAM-SHA-512=[name=" + user + ",password=" + password + "]";
    }
}
