package dev.bazaar.analytics;

import dev.bazaar.common.KafkaConnection;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The job's Kafka clients, as principal analytics, with its timeout as their deadlines. */
final class KafkaClients {

    static final String PRINCIPAL = "analytics";
    private static final long MAX_REQUEST_MS = 30_000;

    private KafkaClients() {
    }

    /**
     * A consumer for reading the catalog whole: no group (it is assigned partitions and commits
     * nothing), read_committed so no record of an aborted stream-filter transaction is seen.
     */
    static Consumer<String, byte[]> catalogConsumer(KafkaConnection connection, Duration timeout) {
        Properties props = connection.clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-catalog");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestTimeout(timeout)));
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** An idempotent producer with acks=all, giving up after the timeout. */
    static Producer<String, byte[]> producer(KafkaConnection connection, Duration timeout) {
        Properties props = connection.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "analytics");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        long request = requestTimeout(timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(request));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout.toMillis(), request + 20)));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static long requestTimeout(Duration timeout) {
        return Math.min(MAX_REQUEST_MS, Math.max(1_000, timeout.toMillis() / 2));
    }
}
