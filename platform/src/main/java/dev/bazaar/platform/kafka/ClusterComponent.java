package dev.bazaar.platform.kafka;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.PlatformAccess;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.monitoring.ScrapeTarget;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.setup.SetupReport;
import dev.bazaar.ssl.TlsIdentity;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * A Kafka cluster as a component: its nodes start together, it is ready when every node answers
 * over SASL_SSL with the preferred leaders elected, and its topics, principals and ACLs of
 * {@code setup/} are applied before anything that depends on it starts.
 */
public final class ClusterComponent implements Component {

    private static final String NODE_UNIT = "kafka-node";

    private final KafkaCluster cluster;
    private final PlatformAccess access;

    public ClusterComponent(KafkaCluster cluster, PlatformAccess access) {
        this.cluster = cluster;
        this.access = access;
    }

    public KafkaCluster cluster() {
        return cluster;
    }

    @Override
    public String name() {
        return cluster.cluster().toString();
    }

    @Override
    public Set<String> dependencies() {
        return Set.of();
    }

    @Override
    public List<TlsIdentity> tlsIdentities() {
        return cluster.nodes().stream().map(node -> new TlsIdentity(node.name(), NODE_UNIT, List.of(node.name())))
                .toList();
    }

    @Override
    public boolean up(StartContext context) {
        NodeTls tls = new NodeTls(access.layout().truststore(),
                access.secrets().password(KafkaConnection.TRUSTSTORE_SECRET),
                access.secrets().password(PlatformTls.KEYSTORE_SECRET));
        cluster.prepare(tls, context.keystores(), access.secrets().password(PlatformAccess.ADMIN));
        List<String> started = cluster.start();
        if (!started.isEmpty()) {
            context.progress().say(name(), "starting %s", String.join(", ", started));
        }
        KafkaConnection admin = access.admin(cluster.cluster());
        cluster.awaitReady(admin, context.timeout());
        cluster.electPreferredLeaders(admin);
        applySetup(context);
        return !started.isEmpty();
    }

    /** Applies the topics, principals and ACLs {@code setup/} declares for this cluster. */
    public void applySetup(StartContext context) {
        try (Admin admin = KafkaCluster.admin(access.admin(cluster.cluster()))) {
            SetupReport report = access.setup().applyKafka(cluster.cluster(), admin);
            context.progress().block("setup of " + cluster.cluster() + " cluster:", report.lines());
        }
    }

    @Override
    public List<String> stop() {
        return cluster.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        boolean answers = Files.exists(access.layout().truststore()) && cluster.answers(access.admin(cluster.cluster()));
        return cluster.status(answers);
    }

    @Override
    public List<ManagedProcess> processes() {
        return cluster.nodes().stream().map(cluster::process).toList();
    }

    @Override
    public String address() {
        return cluster.bootstrapServers();
    }

    @Override
    public List<ScrapeTarget> scrapeTargets() {
        List<ScrapeTarget> targets = new ArrayList<>();
        for (KafkaNode node : cluster.nodes()) {
            targets.add(new ScrapeTarget("kafka-broker", KafkaNode.HOST + ":" + node.metricsPort(),
                    Map.of("cluster", name(), "node", node.name())));
            targets.add(new ScrapeTarget("blackbox-tls", node.brokerAddress(),
                    Map.of("cluster", name(), "component", node.name())));
        }
        return targets;
    }
}
