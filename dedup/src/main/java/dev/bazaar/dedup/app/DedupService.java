package dev.bazaar.dedup.app;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.SecureHttpServer;
import dev.bazaar.dedup.BoundedRocksDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the generic de-duplicating app: its Kafka Streams client (exactly_once_v2,
 * bounded RocksDB memory) and, when a port is configured, its HTTPS {@code /health} and
 * {@code /prometheus}. Started by {@link DedupApp}, {@code bazaar dedup run} and the tests alike.
 *
 * <p>Any failure of a stream thread stops this instance (it is not replaced): the process then exits
 * non-zero and the supervisor restarts it with back-off, so a record that keeps failing shows as a
 * crash loop instead of a thread that silently retries forever.
 */
public final class DedupService implements DedupStatus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DedupService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final DedupConfig config;
    private final KafkaStreams streams;
    private final AppMetrics metrics;
    private final AtomicBoolean hasRun = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile SecureHttpServer http;

    private DedupService(DedupConfig config, KafkaStreams streams, AppMetrics metrics) {
        this.config = config;
        this.streams = streams;
        this.metrics = metrics;
    }

    /** Where the HTTPS edge listens: the runtime folder holding its certificate and users' secrets, and the port. */
    public record HttpEdge(RuntimeLayout layout, int port) {
    }

    /**
     * Checks the job's topics, then starts the Streams client with its state under {@code stateDir}, and
     * the HTTPS edge when {@code http} is given; returns without waiting for {@code RUNNING}.
     */
    public static DedupService start(DedupConfig config, KafkaConnection connection, Path stateDir,
            Optional<HttpEdge> http) {
        try (Admin admin = Admin.create(connection.clientProperties())) {
            Preflight.check(admin, config.job(), config.principal());
        }
        AppMetrics metrics = new AppMetrics();
        StreamsBuilder builder = new StreamsBuilder();
        DedupTopology.build(builder, config.job(), metrics);
        DedupService service = new DedupService(config, new KafkaStreams(builder.build(),
                streamsConfig(config, connection, stateDir)), metrics);
        service.start(http);
        return service;
    }

    /**
     * The Streams settings: exactly_once_v2 as the configured principal, the application id, state under
     * {@code stateDir}, bounded off-heap memory ({@link BoundedRocksDb}), replicated internal topics, lz4
     * batches, commits every {@code commit.interval.ms} with fetches of some batches at a time, and a 10 s
     * session so a crashed instance's partitions move to another within seconds.
     */
    public static Properties streamsConfig(DedupConfig config, KafkaConnection connection, Path stateDir) {
        Properties props = connection.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(config.threads()));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(config.replicationFactor()));
        if (config.replicationFactor() >= 3) {
            props.put(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
        }
        props.put(StreamsConfig.producerPrefix("acks"), "all");
        // the first copies are written again whole: compressed (JSON events shrink several-fold), the
        // brokers store, replicate and serve them to every reader (the sink, events-api's status) with
        // far fewer bytes over TLS, which on a small machine is most of the pipeline's CPU
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(config.commitIntervalMs()));
        // fetches of some batches rather than of each record as it arrives: a broker answers a fetch
        // waiting at the end of a partition for every produce, and requests, not bytes, are what costs
        props.put(StreamsConfig.consumerPrefix("fetch.min.bytes"), Integer.toString(64 * 1024));
        props.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), "100");
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "10000");
        props.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), "2000");
        BoundedRocksDb.apply(props);
        return props;
    }

    private void start(Optional<HttpEdge> edge) {
        streams.setUncaughtExceptionHandler(e -> {
            log.error("dedup {}: a stream thread failed; stopping this instance", config.applicationId(), e);
            failure.compareAndSet(null, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> changed(now, before));
        try {
            edge.ifPresent(e -> http = HealthServer.routes(this).start(e.layout(), e.port()));
            streams.start();
        } catch (RuntimeException e) {
            streams.close(CLOSE_TIMEOUT);
            throw e;
        }
        log.info("dedup {} started as {}: {}", config.applicationId(), config.principal(), config.job().describe());
    }

    private void changed(KafkaStreams.State now, KafkaStreams.State before) {
        log.info("dedup {} state {} -> {}", config.applicationId(), before, now);
        if (now == KafkaStreams.State.RUNNING) {
            hasRun.set(true);
            running.countDown();
        }
        if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            stopped.countDown();
            running.countDown();
        }
    }

    /** Waits until the client is {@code RUNNING}; false when it stopped or {@code timeout} passed first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Waits until the client has stopped (closed, or failed); the failure, if it failed. */
    public Optional<Throwable> awaitStopped() throws InterruptedException {
        stopped.await();
        return failure();
    }

    /** Why a stream thread failed, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The port of the HTTPS edge, if it serves one. */
    public Optional<Integer> httpPort() {
        return Optional.ofNullable(http).map(SecureHttpServer::port);
    }

    public AppMetrics metrics() {
        return metrics;
    }

    public String applicationId() {
        return config.applicationId();
    }

    @Override
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public boolean hasRun() {
        return hasRun.get();
    }

    @Override
    public Map<String, Long> counters() {
        return metrics.counters();
    }

    @Override
    public Map<String, Double> gauges() {
        return AppMetrics.gauges(streams.metrics(), DedupTopology.STORE, config.job().from());
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
        long started = System.nanoTime();
        // a stop on purpose (bazaar stop, scale down, down) hands its partitions to the other instances now,
        // not after the session timeout; Streams' consumers do not leave the group on close otherwise
        boolean clean = streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT));
        SecureHttpServer server = http;
        if (server != null) {
            server.close();
        }
        log.info("dedup {} stopped{} in {} ms: {}", config.applicationId(), clean ? "" : " (not cleanly: close timed out)",
                (System.nanoTime() - started) / 1_000_000, metrics.counters());
    }
}
