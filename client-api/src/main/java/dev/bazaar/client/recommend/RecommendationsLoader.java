package dev.bazaar.client.recommend;

import dev.bazaar.common.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link RecommendationsStore} current with the compacted {@code recommendations} topic:
 * one consumer, no group (it assigns itself every partition and reads from the beginning at each
 * start, so every instance holds every customer), on a thread of its own. Kafka errors are logged
 * and retried with a backoff; the store keeps serving what it has meanwhile.
 */
public final class RecommendationsLoader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecommendationsLoader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final RecommendationsStore store;
    private final Duration backoff;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean caughtUp;
    private volatile int partitions;
    private volatile long skipped;
    private volatile String lastError;

    public RecommendationsLoader(Consumer<String, byte[]> consumer, RecommendationsStore store, Duration backoff) {
        this.consumer = consumer;
        this.store = store;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "recommendations-loader");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Where loading stands, for the health check. */
    public record Status(boolean caughtUp, int partitions, int customers, long skipped, String lastError) {
    }

    public Status status() {
        return new Status(caughtUp, partitions, store.size(), skipped, lastError);
    }

    private void run() {
        long began = System.nanoTime();
        try {
            Map<TopicPartition, Long> ends = assign();
            while (stopping.getCount() > 0) {
                pollOnce();
                if (!caughtUp && reached(ends)) {
                    caughtUp = true;
                    log.info("Loaded the recommendations of {} customers from {} partitions of {} in {} ms", store.size(),
                            partitions, Topics.RECOMMENDATIONS, Duration.ofNanos(System.nanoTime() - began).toMillis());
                }
            }
        } catch (WakeupException e) {
            log.debug("Recommendations loader woken up to stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.debug("Recommendations loader interrupted");
        } finally {
            log.info("Recommendations loader stopped with {} customers", store.size());
        }
    }

    /** Assigns every partition of the topic from its beginning; returns their end offsets as of now. */
    private Map<TopicPartition, Long> assign() throws InterruptedException {
        while (true) {
            try {
                List<TopicPartition> all = consumer.partitionsFor(Topics.RECOMMENDATIONS).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                if (all.isEmpty()) {
                    throw new IllegalStateException("topic " + Topics.RECOMMENDATIONS + " has no partitions yet");
                }
                consumer.assign(all);
                consumer.seekToBeginning(all);
                partitions = all.size();
                return consumer.endOffsets(all);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                retryLater("cannot assign the partitions of " + Topics.RECOMMENDATIONS, e);
            }
        }
    }

    private void pollOnce() throws InterruptedException {
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                apply(record);
            }
            lastError = null;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            retryLater("cannot read " + Topics.RECOMMENDATIONS, e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            skip(record, "it has no key (the customer)");
        } else {
            try {
                store.apply(record.key(), record.value());
                log.trace("{} of {} applied from offset {}", record.value() == null ? "tombstone" : "recommendations",
                        record.key(), record.offset());
            } catch (IllegalArgumentException e) {
                skip(record, e.getMessage());
            }
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String why) {
        skipped++;
        log.warn("Skipped the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), why);
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private void retryLater(String what, RuntimeException e) throws InterruptedException {
        lastError = what + ": " + e;
        log.warn("{} (retrying in {} ms): {}", what, backoff.toMillis(), e.toString());
        if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new WakeupException();
        }
    }

    /** Stops the thread and closes the consumer. */
    @Override
    public void close() {
        stopping.countDown();
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for the recommendations loader to stop");
        }
        try {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            log.warn("Could not close the recommendations consumer cleanly", e);
        }
    }
}
