package dev.bazaar.console.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.console.ConsoleApp;
import dev.bazaar.console.ConsoleConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every change made through the console, on {@code console-audit}: written by the
 * console's own principal {@code console}, whose only right is to write there, so no user can forge or
 * erase an audit record through the console or with their own principal. Each record is the
 * {@code console-audit} schema's, keyed by the principal who made the change, and is acknowledged
 * (acks=all) before the change's page answers.
 */
@Singleton
public final class AuditLog implements AutoCloseable {

    /** What a change came to. */
    public enum Outcome {
        DONE, REFUSED, FAILED
    }

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeLayout layout;
    private final RegistryConnection registry;
    private final ConsoleConfig config;
    private final Clock clock;
    private KafkaProducer<String, byte[]> producer;
    private int schemaId;

    public AuditLog(RuntimeLayout layout, RegistryConnection registry, ConsoleConfig config, Clock clock) {
        this.layout = layout;
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records that {@code principal} did {@code action} to {@code target} ({@code detail}: its own words),
     * with {@code outcome}; waits for the acknowledgement.
     */
    public void record(String principal, String action, String target, String detail, Outcome outcome)
            throws ExecutionException, InterruptedException, TimeoutException {
        ObjectNode entry = JSON.createObjectNode().put("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("principal", principal).put("action", action).put("target", target)
                .put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        if (detail != null && !detail.isEmpty()) {
            entry.put("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        }
        byte[] json = entry.toString().getBytes(StandardCharsets.UTF_8);
        KafkaProducer<String, byte[]> writer = producer();
        writer.send(new ProducerRecord<>(Topics.CONSOLE_AUDIT, principal, ByteBuffer.allocate(5 + json.length)
                .put((byte) 0).putInt(schemaId).put(json).array())).get(config.kafkaTimeout().toMillis() * 2,
                TimeUnit.MILLISECONDS);
        log.info("audit: {} {} {}: {}", principal, action, target, outcome);
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            schemaId = new RegistrySubjects(registry).latest(Topics.CONSOLE_AUDIT + "-value",
                    "setup registers it (./bazaar setup apply)").id();
            Properties props = KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, ConsoleApp.PRINCIPAL)
                    .clientProperties();
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "console-audit");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.kafkaTimeout().toMillis()));
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
