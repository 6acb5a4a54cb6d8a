package dev.bazaar.filter;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.common.http.SecureHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * stream-filter as a process: Kafka Streams with exactly-once v2 as principal {@code filter},
 * state under the runtime folder, health, product look-up and Prometheus metrics over HTTPS
 * ({@link HealthServer}), clean stop on SIGTERM.
 *
 * <p>Environment: {@code BAZAAR_VAR} (runtime folder, default {@code var}: its certificate and the HTTP
 * users' secrets too), {@code BAZAAR_HTTP_PORT} (HTTPS, default 9091), and those of
 * {@link KafkaConnection#resolve} for external clusters.
 */
public final class StreamFilterApp {

    public static final String APPLICATION_ID = "stream-filter";
    public static final String PRINCIPAL = "filter";
    private static final Logger log = LoggerFactory.getLogger(StreamFilterApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private StreamFilterApp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        RuntimeLayout layout = new RuntimeLayout(Path.of(env.getOrDefault("BAZAAR_VAR", "var")));
        int port = Integer.parseInt(env.getOrDefault("BAZAAR_HTTP_PORT", "9091"));
        KafkaConnection connection = KafkaConnection.resolve(env, layout, Cluster.MAIN, PRINCIPAL);
        FilterMetrics metrics = new FilterMetrics();
        KafkaStreams streams = new KafkaStreams(FilterTopology.build(itemPartitions(connection), metrics),
                config(connection, layout));
        SecureHttpServer server = HealthServer.start(layout, port, streams, metrics);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(streams, server, stopped), "stream-filter-stop"));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed, replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("stream-filter state {} -> {}", before, now));
        streams.start();
        log.info("stream-filter started: health, products and metrics on https://127.0.0.1:{}", server.port());
        stopped.await();
    }

    /**
     * The state of instance {@code instance} ({@code BAZAAR_INSTANCE}, set by {@code bazaar scale}):
     * {@code var/data/stream-filter} for the first, {@code var/data/stream-filter-<n>} for the others —
     * two instances cannot share one state folder (Streams locks it).
     */
    static Path stateDir(RuntimeLayout layout, String instance) {
        if (instance == null || instance.isBlank() || instance.strip().equals("1")) {
            return layout.dataDir(APPLICATION_ID);
        }
        return layout.dataDir(APPLICATION_ID + "-" + Integer.parseInt(instance.strip()));
    }

    /**
     * The group member name of instance {@code instance}: static membership, so a process the
     * supervisor restarts within the session takes its partitions back without a rebalance (and
     * without waiting out the dead member's session); Streams appends each thread's index.
     */
    static String groupInstanceId(String instance) {
        String number = instance == null || instance.isBlank() ? "1" : Integer.toString(Integer.parseInt(instance.strip()));
        return APPLICATION_ID + "-" + number;
    }

    /**
     * The Streams settings: exactly once, state under {@code var/data/stream-filter}, replicated
     * internal topics, a static member per instance with a 10 s session so a crashed instance is
     * replaced quickly whether or not it comes back.
     */
    public static Properties config(KafkaConnection connection, RuntimeLayout layout) {
        Properties props = connection.clientProperties();
        props.putAll(FilterTopology.optimizations());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        String instance = System.getenv("BAZAAR_INSTANCE");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(layout, instance).toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), groupInstanceId(instance));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "3");
        props.put(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
        props.put(StreamsConfig.producerPrefix("acks"), "all");
        // the stop-list and the items need no timestamp alignment: process whatever arrived, never wait
        // for an empty partition's fetch (which costs up to fetch.max.wait.ms per record at low rates)
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
        // a crashed instance's partitions move to a restarted one after 10 s, not the default 45 s
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "10000");
        props.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), "2000");
        return props;
    }

    private static int itemPartitions(KafkaConnection connection) throws Exception {
        try (Admin admin = Admin.create(connection.clientProperties())) {
            return admin.describeTopics(List.of(Topics.ITEMS)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(Topics.ITEMS).partitions().size();
        }
    }

    private static void stop(KafkaStreams streams, SecureHttpServer server, CountDownLatch stopped) {
        log.info("stopping stream-filter");
        // a stop on purpose (bazaar stop, scale down) hands the partitions over now, not after the session
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        server.close();
        stopped.countDown();
    }
}
