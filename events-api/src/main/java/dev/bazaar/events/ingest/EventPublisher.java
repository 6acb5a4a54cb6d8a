package dev.bazaar.events.ingest;

import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.EventKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the events of one request to the raw topic — key the de-duplication key, value the event
 * in the wire format, header {@code event-kind}, timestamp the receive time — and completes once
 * Kafka acknowledged every one (the producer is idempotent with acks=all, and its delivery timeout
 * bounds the wait), or fails saying which were and which were not acknowledged. Waits on no thread:
 * the future completes from the producer's callbacks.
 */
public final class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final IngestMetrics metrics;

    public EventPublisher(Producer<byte[], byte[]> producer, String topic, IngestMetrics metrics) {
        this.producer = producer;
        this.topic = topic;
        this.metrics = metrics;
    }

    public String topic() {
        return topic;
    }

    /** Sends {@code events}, stamped {@code receivedAtMillis}; where Kafka stored each, in their order. */
    public CompletableFuture<List<PublishedEvent>> publish(List<OutgoingEvent> events, long receivedAtMillis) {
        Batch batch = new Batch(events);
        for (int i = 0; i < events.size(); i++) {
            OutgoingEvent event = events.get(i);
            long sentAt = System.nanoTime();
            int slot = i;
            try {
                producer.send(record(event, receivedAtMillis), (stored, failure) -> {
                    metrics.acknowledged(event.kind(), System.nanoTime() - sentAt, failure == null);
                    batch.done(slot, stored, failure);
                });
            } catch (KafkaException | IllegalStateException e) {
                log.warn("could not send event {} of {} to {}: {}", i, events.size(), topic, e.toString());
                for (int unsent = i; unsent < events.size(); unsent++) {
                    batch.done(unsent, null, e);
                }
                break;
            }
        }
        return batch.result;
    }

    private ProducerRecord<byte[], byte[]> record(OutgoingEvent event, long receivedAtMillis) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventKind.HEADER, event.kind().id().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, receivedAtMillis, event.key(), event.value(), headers);
    }

    /** The acknowledgements of one request's events, gathered until the last one arrives. */
    private final class Batch {

        private final List<OutgoingEvent> events;
        private final AtomicReferenceArray<Object> outcomes;
        private final AtomicInteger pending;
        private final CompletableFuture<List<PublishedEvent>> result = new CompletableFuture<>();

        Batch(List<OutgoingEvent> events) {
            this.events = events;
            this.outcomes = new AtomicReferenceArray<>(events.size());
            this.pending = new AtomicInteger(events.size());
            if (events.isEmpty()) {
                result.complete(List.of());
            }
        }

        /** Records the outcome of event {@code slot}; the last one completes the result. */
        void done(int slot, RecordMetadata stored, Exception failure) {
            if (!outcomes.compareAndSet(slot, null, failure != null ? failure : stored)) {
                return;
            }
            if (pending.decrementAndGet() == 0) {
                complete();
            }
        }

        private void complete() {
            List<PublishedEvent> acknowledged = new ArrayList<>();
            List<FieldError> failed = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                OutgoingEvent event = events.get(i);
                if (outcomes.get(i) instanceof RecordMetadata stored) {
                    acknowledged.add(new PublishedEvent(event.index(), event.kind().id(), DedupKey.hex(event.key()),
                            stored.topic(), stored.partition(), stored.offset()));
                    log.trace("event {} ({}) key {} stored at {}-{}@{}", event.index(), event.kind(),
                            DedupKey.hex(event.key()), stored.topic(), stored.partition(), stored.offset());
                } else {
                    failed.add(new FieldError(event.index(), "$", "not acknowledged by Kafka: "
                            + ((Exception) outcomes.get(i)).getMessage(), Reason.NOT_ACKNOWLEDGED));
                }
            }
            if (failed.isEmpty()) {
                result.complete(acknowledged);
            } else {
                log.warn("{} of {} event(s) not acknowledged on {}: {}", failed.size(), events.size(), topic,
                        failed.getFirst().message());
                result.completeExceptionally(new PublishFailedException(acknowledged, failed));
            }
        }
    }
}
