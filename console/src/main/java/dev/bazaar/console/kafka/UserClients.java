package dev.bazaar.console.kafka;

import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients of one signed-in user, each authenticated as the user's own principal: an admin
 * client per cluster, one consumer (no group: it assigns and seeks) to read messages and one producer
 * for the changes the user makes, opened at
 * first use and kept for the session, so a page costs no new SASL handshake. The consumer is not
 * thread-safe: one request of the user uses it at a time.
 */
public final class UserClients implements AutoCloseable {

    private final Map<Cluster, KafkaConnection> connections;
    private final Duration timeout;
    private final Map<Cluster, Admin> admins = new EnumMap<>(Cluster.class);
    private final ReentrantLock consumerLock = new ReentrantLock();
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private boolean closed;

    public UserClients(Map<Cluster, KafkaConnection> connections, Duration timeout) {
        this.connections = Map.copyOf(connections);
        this.timeout = timeout;
    }

    public String principal() {
        return connections.get(Cluster.MAIN).username();
    }

    /** The user's admin client of {@code cluster}. */
    public synchronized Admin admin(Cluster cluster) {
        if (closed) {
            throw new IllegalStateException("the session of " + principal() + " has ended");
        }
        return admins.computeIfAbsent(cluster, c -> Admin.create(adminConfig(c)));
    }

    /**
     * Closes the user's admin client of {@code cluster} when {@code failure} says the cluster refused
     * their credential (a principal with no credential on the mirror cluster): left open, it would try
     * to sign in again every second for the rest of the session. The next page asks afresh, once.
     */
    public void forgetIfRefused(Cluster cluster, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException) {
                Admin refused;
                synchronized (this) {
                    refused = admins.remove(cluster);
                }
                if (refused != null) {
                    refused.close(Duration.ZERO);
                }
                return;
            }
        }
    }

    /**
     * The user's client settings of {@code cluster} (their own principal), with the console's timeouts,
     * for the short-lived group-less consumers of code shared with the CLI (MirrorMaker's topics).
     */
    public Properties clientProperties(Cluster cluster) {
        Properties props = connections.get(cluster).clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-" + principal());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString((int) timeout.toMillis()));
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString((int) timeout.toMillis()));
        return props;
    }

    /** Runs {@code read} with the user's consumer of the main cluster, one request at a time. */
    public <T> T withConsumer(Function<KafkaConsumer<byte[], byte[]>, T> read) {
        consumerLock.lock();
        try {
            if (consumer == null) {
                synchronized (this) {
                    if (closed) {
                        throw new IllegalStateException("the session of " + principal() + " has ended");
                    }
                }
                consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
            }
            return read.apply(consumer);
        } finally {
            if (consumer != null) {
                consumer.unsubscribe();
            }
            consumerLock.unlock();
        }
    }

    /** The user's producer on the main cluster (acks=all, idempotent), for the changes they make. */
    public synchronized KafkaProducer<String, byte[]> producer() {
        if (closed) {
            throw new IllegalStateException("the session of " + principal() + " has ended");
        }
        if (producer == null) {
            Properties props = connections.get(Cluster.MAIN).clientProperties();
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "console-" + principal());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString((int) timeout.toMillis()));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString((int) timeout.toMillis() * 2));
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** HTTP basic with the user's own credentials, for the platform's services that take a principal's password. */
    public String basicAuthorization() {
        KafkaConnection main = connections.get(Cluster.MAIN);
        return BasicAuth.header(main.username(), main.password());
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            admins.values().forEach(admin -> admin.close(Duration.ofSeconds(5)));
            admins.clear();
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
        consumerLock.lock();
        try {
            if (consumer != null) {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
                consumer = null;
            }
        } finally {
            consumerLock.unlock();
        }
    }

    private Properties adminConfig(Cluster cluster) {
        Properties props = connections.get(cluster).clientProperties();
        int millis = (int) timeout.toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(millis));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(millis));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "console-" + principal());
        return props;
    }

    private Properties consumerConfig() {
        Properties props = connections.get(Cluster.MAIN).clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-" + principal());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString((int) timeout.toMillis()));
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString((int) timeout.toMillis()));
        return props;
    }
}
