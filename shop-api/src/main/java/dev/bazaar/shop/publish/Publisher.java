package dev.bazaar.shop.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the records of one request: all are validated first (one bad record publishes
 * nothing), then sent with acks=all, and the answer lists each record's topic, partition and
 * offset only once the brokers acknowledged it.
 */
public final class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final Producer<String, byte[]> producer;
    private final RecordEncoder encoder;
    private final Duration sendTimeout;

    public Publisher(Producer<String, byte[]> producer, RecordEncoder encoder, Duration sendTimeout) {
        this.producer = producer;
        this.encoder = encoder;
        this.sendTimeout = sendTimeout;
    }

    /** A check of one record beyond its schema (which JSON Schema cannot say), adding what is wrong to {@code errors}. */
    @FunctionalInterface
    public interface Rule {
        void check(JsonNode record, int index, List<FieldError> errors);
    }

    /** Publishes {@code records} to {@code topic}, each keyed by its field {@code keyField}. */
    public List<Accepted> publish(String topic, List<JsonNode> records, String keyField) {
        return publish(topic, records, keyField, (record, index, errors) -> { });
    }

    /** Publishes {@code records} to {@code topic}, each keyed by its field {@code keyField}, once each passes {@code rule}. */
    public List<Accepted> publish(String topic, List<JsonNode> records, String keyField, Rule rule) {
        List<FieldError> errors = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode key = records.get(i).path(keyField);
            if (!key.isTextual() || key.asText().isBlank()) {
                errors.add(new FieldError(i, "$." + keyField, "is required: it is the record's key"));
            }
            keys.add(key.asText());
            values.add(encoder.encode(topic, records.get(i), i, errors));
            rule.check(records.get(i), i, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordsException(errors);
        }
        return await(topic, keys, send(topic, keys, values));
    }

    private List<Future<RecordMetadata>> send(String topic, List<String> keys, List<byte[]> values) {
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            futures.add(producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i))));
        }
        return futures;
    }

    private List<Accepted> await(String topic, List<String> keys, List<Future<RecordMetadata>> futures) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Accepted> accepted = new ArrayList<>();
        List<FieldError> failed = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                RecordMetadata meta = futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                accepted.add(new Accepted(i, keys.get(i), meta.topic(), meta.partition(), meta.offset()));
            } catch (ExecutionException e) {
                failed.add(new FieldError(i, "$", "not acknowledged: " + e.getCause().getMessage()));
            } catch (TimeoutException e) {
                failed.add(new FieldError(i, "$", "not acknowledged within " + sendTimeout.toMillis() + " ms"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(new FieldError(i, "$", "interrupted before the acknowledgement"));
            }
        }
        if (!failed.isEmpty()) {
            log.warn("{} of {} record(s) to {} not acknowledged: {}", failed.size(), futures.size(), topic,
                    failed.get(0).message());
            throw new PublishFailedException(accepted, failed);
        }
        log.trace("published {} record(s) to {}", accepted.size(), topic);
        return accepted;
    }
}
