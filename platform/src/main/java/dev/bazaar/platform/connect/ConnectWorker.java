package dev.bazaar.platform.connect;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.process.HttpProbe;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.process.ProcessStopper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect as one distributed worker in its own process, principal {@code connect} over
 * SASL_SSL for itself and every producer, consumer and admin it creates, our connector plugins on
 * its {@code plugin.path}, REST on loopback, JMX metrics for Prometheus through the exporter agent.
 */
public final class ConnectWorker {

    public static final String COMPONENT = "connect";
    public static final String PRINCIPAL = "connect";
    public static final String GROUP = "connect-cluster";
    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);
    private static final List<String> HEAP = List.of("-Xms128m", "-Xmx512m");
    private static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectDistributed";

    private final RuntimeLayout layout;
    private final JavaCommand java;
    private final List<Path> pluginPath;
    private final int restPort;
    private final Optional<MetricsAgent> metrics;

    public ConnectWorker(RuntimeLayout layout, JavaCommand java, List<Path> pluginPath, int restPort,
            Optional<MetricsAgent> metrics) {
        this.layout = layout;
        this.java = java;
        this.pluginPath = List.copyOf(pluginPath);
        this.restPort = restPort;
        this.metrics = metrics;
    }

    public String url() {
        return "http://127.0.0.1:" + restPort;
    }

    /** Where Prometheus scrapes the worker's metrics, when the exporter agent is attached. */
    public Optional<String> metricsUrl() {
        return metrics.map(MetricsAgent::url);
    }

    /** Writes the worker's properties (0600: they hold its password). */
    public void prepare(KafkaConnection kafka) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", GROUP);
        p.put("config.storage.topic", "connect-configs");
        p.put("offset.storage.topic", "connect-offsets");
        p.put("status.storage.topic", "connect-status");
        p.put("config.storage.replication.factor", "3");
        p.put("offset.storage.replication.factor", "3");
        p.put("status.storage.replication.factor", "3");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter.schemas.enable", "false");
        p.put("offset.flush.interval.ms", "5000");
        p.put("listeners", url());
        p.put("rest.advertised.host.name", "127.0.0.1");
        p.put("rest.advertised.port", Integer.toString(restPort));
        p.put("plugin.path", String.join(",", pluginPath.stream().map(Path::toString).toList()));
        p.put("plugin.discovery", "hybrid_warn");
        // a restarted worker takes its tasks back after 10 s, not 45
        p.put("session.timeout.ms", "10000");
        p.put("heartbeat.interval.ms", "2000");
        p.put("scheduled.rebalance.max.delay.ms", "10000");
        for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
            kafka.clientConfig().forEach((key, value) -> {
                if (!key.equals("bootstrap.servers")) {
                    p.put(prefix + key, value);
                }
            });
        }
        PrivateFiles.writeProperties(propertiesFile(), p, "Kafka Connect worker, written by ./bazaar up");
    }

    public boolean start() {
        ManagedProcess process = process();
        if (process.running().isPresent()) {
            return false;
        }
        List<String> jvm = new ArrayList<>(HEAP);
        metrics.ifPresent(agent -> jvm.add(agent.javaagentOption()));
        process.start(java.command(COMPONENT, jvm, MAIN_CLASS, List.of(propertiesFile().toString())),
                layout.dataDir(COMPONENT), Map.of());
        log.info("started {}", COMPONENT);
        return true;
    }

    /** Waits until the worker has joined its group and its REST API reports it healthy. */
    public void awaitReady(Duration timeout) {
        probe().await(process(), timeout);
    }

    public List<String> stop() {
        return ProcessStopper.stopTogether(List.of(process()), Duration.ofSeconds(30));
    }

    public ComponentStatus status() {
        return ComponentStatus.of(process(), url(), probe()::ready);
    }

    public ManagedProcess process() {
        return new ManagedProcess(COMPONENT, layout.pidFile(COMPONENT), layout.logFile(COMPONENT));
    }

    private Path propertiesFile() {
        return layout.confDir(COMPONENT).resolve("worker.properties");
    }

    private HttpProbe probe() {
        return new HttpProbe(COMPONENT, url() + "/health");
    }
}
