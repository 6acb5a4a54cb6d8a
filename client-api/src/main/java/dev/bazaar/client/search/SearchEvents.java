package dev.bazaar.client.search;

import dev.bazaar.common.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each search to {@code client-search}, keyed by the user (one user's searches stay in
 * order on one partition), and returns only once the brokers acknowledged it.
 */
public final class SearchEvents {

    private static final Logger log = LoggerFactory.getLogger(SearchEvents.class);

    private final Producer<String, byte[]> producer;
    private final RegistryEncoder encoder;
    private final Duration timeout;

    public SearchEvents(Producer<String, byte[]> producer, RegistryEncoder encoder, Duration timeout) {
        this.producer = producer;
        this.encoder = encoder;
        this.timeout = timeout;
    }

    /** Publishes {@code event}; where the brokers stored it, or a {@link SearchNotRecordedException}. */
    public RecordMetadata publish(SearchEvent event) {
        byte[] value = encoder.encode(Topics.CLIENT_SEARCH, event.toJson());
        Future<RecordMetadata> ack;
        try {
            ack = producer.send(new ProducerRecord<>(Topics.CLIENT_SEARCH, event.user(), value));
        } catch (KafkaException e) {
            throw notRecorded(event, e.getMessage(), e);
        }
        try {
            RecordMetadata stored = ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.trace("search {} recorded at {}-{}@{}", event.searchId(), stored.topic(), stored.partition(),
                    stored.offset());
            return stored;
        } catch (ExecutionException e) {
            throw notRecorded(event, String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw notRecorded(event, "not acknowledged within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notRecorded(event, "interrupted before the acknowledgement", e);
        }
    }

    private static SearchNotRecordedException notRecorded(SearchEvent event, String why, Throwable cause) {
        log.warn("search {} of user {} not recorded on {}: {}", event.searchId(), event.user(), Topics.CLIENT_SEARCH, why);
        return new SearchNotRecordedException("Kafka did not record the search on " + Topics.CLIENT_SEARCH + ": " + why,
                cause);
    }
}
