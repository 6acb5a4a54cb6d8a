package dev.bazaar.analytics.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.analytics.compute.CustomerRecommendations;
import dev.bazaar.analytics.compute.Period;
import dev.bazaar.analytics.compute.SalesReport;
import dev.bazaar.common.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * Publishes a run's results from the driver: one record per customer to {@code recommendations}
 * (keyed by customer, so the compacted topic keeps each customer's latest list) and one report to
 * {@code analytic-topic} (keyed by its id). The producer lives in the driver because the Kafka
 * credentials and the truststore do (under {@code var/}); executors never need them. A publication
 * counts as done when every record is acknowledged (acks=all).
 */
public final class ResultPublisher {

    private static final Logger log = LoggerFactory.getLogger(ResultPublisher.class);

    private final Producer<String, byte[]> producer;
    private final RegistryEncoder encoder;
    private final Duration timeout;
    private final String bootstrap;

    public ResultPublisher(Producer<String, byte[]> producer, RegistryEncoder encoder, Duration timeout,
            String bootstrap) {
        this.producer = producer;
        this.encoder = encoder;
        this.timeout = timeout;
        this.bootstrap = bootstrap;
    }

    /** Publishes every list of {@code lists}; returns how many were acknowledged (all, or it throws). */
    public long publishRecommendations(Iterator<CustomerRecommendations> lists, Period period, Instant generatedAt) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        while (lists.hasNext()) {
            CustomerRecommendations list = lists.next();
            sent.add(send(Topics.RECOMMENDATIONS, list.customer(),
                    RecordFactory.recommendations(list, period, generatedAt)));
        }
        return await(Topics.RECOMMENDATIONS, sent);
    }

    /** Publishes {@code report}; returns 1 once it is acknowledged. */
    public long publishReport(SalesReport report) {
        return await(Topics.ANALYTIC_TOPIC, List.of(send(Topics.ANALYTIC_TOPIC, report.reportId(),
                RecordFactory.report(report))));
    }

    private Future<RecordMetadata> send(String topic, String key, JsonNode value) {
        byte[] bytes = encoder.encode(topic, value);
        try {
            return producer.send(new ProducerRecord<>(topic, key, bytes));
        } catch (KafkaException e) {
            throw new PublishException(unavailable(topic, e.getMessage()), e);
        }
    }

    private long await(String topic, List<Future<RecordMetadata>> futures) {
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        long acknowledged = 0;
        for (Future<RecordMetadata> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                throw new PublishException(unavailable(topic, e.getCause().getMessage()) + " (" + acknowledged
                        + " of " + futures.size() + " acknowledged)", e.getCause());
            } catch (TimeoutException e) {
                throw new PublishException(unavailable(topic, "no acknowledgement within " + timeout.toSeconds()
                        + " s") + " (" + acknowledged + " of " + futures.size() + " acknowledged)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while publishing to " + topic, e);
            }
        }
        log.info("published {} record(s) to {}", acknowledged, topic);
        return acknowledged;
    }

    private String unavailable(String topic, String why) {
        return "Kafka at " + bootstrap + " did not take the records for " + topic + " as principal analytics: " + why
                + "; is the platform running (./bazaar up) and set up (./bazaar setup apply)?";
    }
}
