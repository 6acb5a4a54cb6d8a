package dev.bazaar.promo;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.SecureHttpServer;
import dev.bazaar.common.http.StreamsAppEdge;
import dev.bazaar.promo.topology.PromoMetrics;
import dev.bazaar.promo.topology.PromoTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running promo instance: its Kafka Streams client (exactly_once_v2 as principal {@code promo})
 * and its HTTPS {@code /health} and {@code /prometheus}. A failed stream thread stops the instance,
 * and the process exits non-zero for the supervisor to restart it with back-off.
 */
public final class PromoService implements StreamsAppEdge.Status, AutoCloseable {

    /** The Streams application id: consumer group, transactional ids and the prefix of internal topics. */
    public static final String APPLICATION_ID = "promo-join";
    private static final Logger log = LoggerFactory.getLogger(PromoService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final PromoMetrics metrics;
    private final AtomicBoolean hasRun = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SecureHttpServer http;

    private PromoService(KafkaStreams streams, PromoMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
    }

    /**
     * Starts the topology ({@code partitions} those of {@code promo-campaigns}, notifications framed with
     * {@code schemaId}) with its state under {@code stateDir}, and the HTTPS edge on {@code port}.
     */
    public static PromoService start(KafkaConnection connection, RuntimeLayout layout, Path stateDir, int port,
            int partitions, int schemaId) {
        PromoMetrics metrics = new PromoMetrics();
        KafkaStreams streams = new KafkaStreams(PromoTopology.build(partitions, schemaId, metrics,
                Duration.ofSeconds(1)), streamsConfig(connection, stateDir));
        PromoService service = new PromoService(streams, metrics);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("promo: a stream thread failed; stopping this instance", e);
            service.failure.compareAndSet(null, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> service.changed(now, before));
        try {
            service.http = StreamsAppEdge.routes(PromoApp.COMPONENT, service).start(layout, port);
            streams.start();
        } catch (RuntimeException e) {
            streams.close(CLOSE_TIMEOUT);
            throw e;
        }
        log.info("promo started as {}: {} partitions by store, notifications framed with schema id {}",
                PromoApp.PRINCIPAL, partitions, schemaId);
        return service;
    }

    /**
     * The Streams settings: exactly_once_v2, state under {@code stateDir}, replicated internal topics,
     * no waiting for empty partitions (campaigns and subscriber changes need no timestamp alignment: the
     * wall clock decides what is active), and a 10 s session so a crashed instance's stores move quickly.
     */
    static Properties streamsConfig(KafkaConnection connection, Path stateDir) {
        Properties props = connection.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "3");
        props.put(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
        props.put(StreamsConfig.producerPrefix("acks"), "all");
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "10000");
        props.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), "2000");
        return props;
    }

    private void changed(KafkaStreams.State now, KafkaStreams.State before) {
        log.info("promo state {} -> {}", before, now);
        if (now == KafkaStreams.State.RUNNING) {
            hasRun.set(true);
            metrics.retainTasks(streams.metadataForLocalThreads().stream()
                    .flatMap(thread -> thread.activeTasks().stream()).map(task -> task.taskId().toString())
                    .collect(Collectors.toSet()));
        }
        if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            stopped.countDown();
        }
    }

    /** Waits until the Streams client stopped; the failure that stopped it, if one did. */
    public Optional<Throwable> awaitStopped() throws InterruptedException {
        stopped.await();
        return Optional.ofNullable(failure.get());
    }

    @Override
    public boolean up() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING || (hasRun.get() && state == KafkaStreams.State.REBALANCING);
    }

    @Override
    public String state() {
        return streams.state().toString();
    }

    @Override
    public Map<String, Long> counters() {
        return metrics.counters();
    }

    @Override
    public Map<String, Double> gauges() {
        return metrics.gauges();
    }

    @Override
    public Map<MetricName, ? extends Metric> clientMetrics() {
        return streams.metrics();
    }

    /** Stops the Streams client (committing what it processed) and the HTTPS edge; once, however often called. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("stopping promo: {} notifications sent by this instance", metrics.notifications());
        // a stop on purpose (bazaar stop, scale down, down) hands its partitions to the other instances now,
        // not after the session timeout; Streams' consumers do not leave the group on close otherwise
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (http != null) {
            http.close();
        }
        stopped.countDown();
    }
}
