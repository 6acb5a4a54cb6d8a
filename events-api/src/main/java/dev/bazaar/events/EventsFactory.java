package dev.bazaar.events;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.common.http.micronaut.ServiceSecurity;
import dev.bazaar.events.ingest.EventBodies;
import dev.bazaar.events.ingest.EventIngest;
import dev.bazaar.events.ingest.EventPublisher;
import dev.bazaar.events.ingest.EventValidator;
import dev.bazaar.events.ingest.IngestMetrics;
import dev.bazaar.events.ingest.KindSchema;
import dev.bazaar.events.ingest.RegistrySchemas;
import dev.bazaar.events.status.DecisionTail;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds events-api from the one place that knows how a principal connects ({@code common/}): the
 * producer of the raw topic, each kind's schema read from the registry, the key fields, and the tail
 * of dedup's decisions. The ingest is a {@link Context} bean, so a missing subject, a bad key field or
 * an unreachable registry stops the service at start, not at its first request. A plain producer of
 * pre-encoded bytes rather than {@code @KafkaClient}: a request is checked whole before any of it is
 * sent, and each event keeps its bytes as posted. Declares its HTTP security too, which {@code common/} serves.
 */
@Factory
final class EventsFactory {

    static final String PRINCIPAL = "events";
    private static final Logger log = LoggerFactory.getLogger(EventsFactory.class);

    @Singleton
    RuntimeLayout layout(EventsConfig config) {
        return new RuntimeLayout(Path.of(config.varDir()));
    }

    /**
     * HTTPS with the keystore issued for events-api; apps post events as role {@code events}, by password
     * or bearer token (the routes' rules are in application.yml).
     */
    @Singleton
    ServiceSecurity security() {
        return new ServiceSecurity("events-api", EventsApiCredentials.CALLER, EventsApiCredentials.TOKEN_SECRET,
                "events");
    }

    /** The key fields of each kind, from {@code events.kinds.<kind>.key-fields}. */
    @Singleton
    KeyFields keyFields(Environment environment) {
        return KindSettings.read(environment);
    }

    /**
     * The producer of {@code product-events-raw}: acks=all and idempotent, batching for throughput
     * (10 ms linger, 256 KiB batches, lz4: the brokers' cost is per request far more than per byte, and
     * on 2 cores 10 ms gave the most requests/s under wrk's 64 connections, 5 ms and 20 ms fewer);
     * {@code events.producer.*} settings (Kafka's own names) override the defaults below and the connection.
     */
    @Singleton
    @Bean(preDestroy = "close")
    Producer<byte[], byte[]> producer(RuntimeLayout layout, EventsConfig config,
            @Property(name = "events.producer") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
            Map<String, String> overrides) {
        long timeout = config.publishTimeout().toMillis();
        Properties props = connection(layout);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout / 2));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "events-api");
        props.putAll(overrides);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Singleton
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    /** Each kind's schema and id, read from the registry, with its key fields checked against it. */
    @Context
    EventIngest ingest(RuntimeLayout layout, EventsConfig config, KeyFields keyFields, Producer<byte[], byte[]> producer,
            IngestMetrics metrics) {
        RegistrySchemas registry = new RegistrySchemas(RegistryConnection.resolve(System.getenv(), layout,
                RegistryUser.READONLY));
        Map<EventKind, EventValidator> validators = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            KindSchema schema = registry.load(kind, Topics.PRODUCT_EVENTS_RAW);
            validators.put(kind, new EventValidator(schema, KindSettings.checkedAgainst(keyFields, kind, schema)));
        }
        return new EventIngest(new EventBodies(config.maxEventBytes(), config.maxEvents()), validators,
                new EventPublisher(producer, Topics.PRODUCT_EVENTS_RAW, metrics), metrics, Clock.systemUTC());
    }

    /**
     * The tail of dedup's decisions, started with the service unless {@code events.follow-decisions} is false;
     * {@code events.consumer.*} settings (Kafka's own names) override the defaults below.
     */
    @Context
    @Bean(preDestroy = "close")
    DecisionTail decisions(RuntimeLayout layout, EventsConfig config,
            @Property(name = "events.consumer") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
            Map<String, String> overrides) {
        Properties props = connection(layout);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "events-api-decisions");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // a status of the latest decisions does not need each record the moment it is committed: a fetch
        // waits for some batches (or half a second) rather than costing the brokers one per dedup commit
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(256 * 1024));
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        props.putAll(overrides);
        DecisionTail tail = new DecisionTail(new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), Topics.PRODUCT_EVENTS, Topics.PRODUCT_EVENTS_DUPLICATES, config.statusLines());
        if (config.followDecisions()) {
            tail.start();
        } else {
            log.info("not following dedup's decisions (events.follow-decisions=false): the status shows no lines");
        }
        return tail;
    }

    private static Properties connection(RuntimeLayout layout) {
        return KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, PRINCIPAL).clientProperties();
    }
}
