package dev.bazaar.platform.mirror;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.mirror.MirrorNames;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.Poll;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.platform.process.StartupFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MirrorMaker 2 in dedicated mode, its own process, copying the platform topics and consumer group
 * checkpoints from the main cluster to the mirror cluster as principal {@code mirror}. The reverse
 * flow is off, heartbeats included, so nothing of it needs rights on main. Ready when its worker
 * records the source connector and its tasks as running.
 */
public final class MirrorMaker {

    public static final String COMPONENT = "mirror-maker";
    public static final String PRINCIPAL = "mirror";
    /** The cluster aliases MM2 knows; the mirror's copies of main's topics are named {@code main.<topic>}. */
    public static final String SOURCE = MirrorNames.SOURCE;
    public static final String TARGET = MirrorNames.TARGET;

    private static final Logger log = LoggerFactory.getLogger(MirrorMaker.class);
    private static final List<String> HEAP = List.of("-Xms64m", "-Xmx384m");
    private static final String MAIN_CLASS = "org.apache.kafka.connect.mirror.MirrorMaker";

    private final RuntimeLayout layout;
    private final JavaCommand java;
    private final MetricsAgent metrics;
    private final List<String> topics;

    /** MirrorMaker copying {@code topics} (those {@code setup/topics.yaml} marks mirrored). */
    public MirrorMaker(RuntimeLayout layout, JavaCommand java, MetricsAgent metrics, List<String> topics) {
        this.layout = layout;
        this.java = java;
        this.metrics = metrics;
        this.topics = List.copyOf(topics);
    }

    /** Where Prometheus scrapes MirrorMaker's metrics. */
    public String metricsUrl() {
        return metrics.url();
    }

    /** The name of {@code topic}'s copy on the mirror cluster. */
    public static String mirrored(String topic) {
        return MirrorNames.mirrored(topic);
    }

    /** Writes {@code mm2.properties} (0600: it holds the principal's password). */
    public void prepare(KafkaConnection main, KafkaConnection mirror) {
        PrivateFiles.writeProperties(propertiesFile(), properties(main, mirror, topics),
                "MirrorMaker 2 (dedicated mode), written by ./bazaar up");
    }

    static Map<String, String> properties(KafkaConnection main, KafkaConnection mirror, List<String> topics) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("clusters", SOURCE + ", " + TARGET);
        // per-cluster client settings reach every producer, consumer and admin of that cluster, and
        // the target's reach the Connect worker inside MM2
        main.clientConfig().forEach((key, value) -> p.put(SOURCE + "." + key, value));
        mirror.clientConfig().forEach((key, value) -> p.put(TARGET + "." + key, value));
        // filtered-items is written in transactions: never copy an aborted record
        p.put(SOURCE + ".consumer.isolation.level", "read_committed");
        // a worker setting, read from the target cluster's settings only
        p.put(TARGET + ".offset.flush.interval.ms", "5000");
        String flow = SOURCE + "->" + TARGET;
        p.put(flow + ".enabled", "true");
        p.put(flow + ".topics", String.join(", ", topics));
        String reverse = TARGET + "->" + SOURCE;
        p.put(reverse + ".enabled", "false");
        // else the disabled flow still runs a heartbeat herder that needs rights on main, and MM2 exits
        p.put(reverse + ".emit.heartbeats.enabled", "false");
        // checkpoints for every group, Connect's sink groups (connect-*) included
        p.put("groups", ".*");
        p.put("groups.exclude", "console-consumer-.*, __.*");
        // the mirror cluster has one node: everything MM2 creates there has one replica
        p.put("replication.factor", "1");
        p.put("checkpoints.topic.replication.factor", "1");
        p.put("heartbeats.topic.replication.factor", "1");
        p.put("offset-syncs.topic.replication.factor", "1");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        // offset syncs on the mirror (mm2-offset-syncs.main.internal): MM2 writes nothing to main
        p.put("offset-syncs.topic.location", "target");
        // group offsets are translated on demand by `bazaar mirror failover`, never behind a group's back
        p.put("sync.group.offsets.enabled", "false");
        p.put("sync.topic.acls.enabled", "false");
        p.put("emit.checkpoints.interval.seconds", "5");
        p.put("refresh.groups.interval.seconds", "10");
        p.put("refresh.topics.interval.seconds", "30");
        return p;
    }

    public boolean start() {
        ManagedProcess process = process();
        if (process.running().isPresent()) {
            return false;
        }
        List<String> jvm = new ArrayList<>(HEAP);
        jvm.add(metrics.javaagentOption());
        // --clusters: only herders that write to the mirror, never one that writes to main
        List<String> args = List.of(propertiesFile().toString(), "--clusters", TARGET);
        process.start(java.command(COMPONENT, jvm, MAIN_CLASS, args), layout.dataDir(COMPONENT), Map.of());
        log.info("started {}", COMPONENT);
        return true;
    }

    /**
     * Waits until the worker records the source connector of the main→mirror flow and its tasks as
     * RUNNING; fails naming the log when the process exits or the deadline passes.
     */
    public void awaitReady(Duration timeout, KafkaConnection mirrorAdmin) {
        Instant deadline = Instant.now().plus(timeout);
        while (!running(mirrorAdmin)) {
            if (process().running().isEmpty()) {
                throw new StartupFailure(COMPONENT, process().logFile(), "the process exited");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailure(COMPONENT, process().logFile(), "MirrorSourceConnector was not RUNNING in "
                        + ConnectorStates.TOPIC + " within " + timeout.toSeconds() + " s");
            }
            Poll.pause();
        }
    }

    private static boolean running(KafkaConnection mirrorAdmin) {
        try {
            return ConnectorStates.sourceRunning(mirrorAdmin.clientProperties(), Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.debug("MirrorMaker's status not readable yet: {}", e.toString());
            return false;
        }
    }

    public List<String> stop() {
        return ProcessStopper.stopTogether(List.of(process()), Duration.ofSeconds(30));
    }

    public ComponentStatus status(KafkaConnection mirrorAdmin) {
        return ComponentStatus.of(process(), metricsUrl(), () -> running(mirrorAdmin));
    }

    public ManagedProcess process() {
        return new ManagedProcess(COMPONENT, layout.pidFile(COMPONENT), layout.logFile(COMPONENT));
    }

    private Path propertiesFile() {
        return layout.confDir(COMPONENT).resolve("mm2.properties");
    }
}
