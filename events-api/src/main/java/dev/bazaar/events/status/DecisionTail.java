package dev.bazaar.events.status;

import dev.bazaar.events.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows dedup's decisions for {@code GET /api-fast/status}: reads {@code product-events} (first
 * copies) and {@code product-events-duplicates} (later copies) from their ends at start, with
 * {@code assign()} and no consumer group (nothing committed, nothing to clean up), read_committed so
 * an aborted transaction of dedup shows nothing. Keeps the latest decisions and counts them since
 * start. Its own thread; a topic that does not exist yet is looked for again every few seconds.
 */
public final class DecisionTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecisionTail.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration CLOSE = Duration.ofSeconds(5);

    private final Consumer<byte[], byte[]> consumer;
    private final String uniqueTopic;
    private final String duplicatesTopic;
    private final int capacity;
    private final Deque<Decision> latest = new ArrayDeque<>();
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Instant since = Instant.now();
    private final Thread thread;
    private final Object pause = new Object();
    private volatile boolean running = true;
    private volatile int assigned;
    private volatile String lastError;

    /**
     * @param consumer a consumer of this tail alone (read_committed, no group), closed with it
     * @param capacity how many decisions to keep
     */
    public DecisionTail(Consumer<byte[], byte[]> consumer, String uniqueTopic, String duplicatesTopic, int capacity) {
        this.consumer = consumer;
        this.uniqueTopic = uniqueTopic;
        this.duplicatesTopic = duplicatesTopic;
        this.capacity = capacity;
        this.thread = new Thread(this::run, "decision-tail");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** What {@code GET /api-fast/status} shows: the latest decisions, oldest first, and the counts since start. */
    public synchronized Status status() {
        List<String> lines = latest.stream().map(Decision::line).toList();
        Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
        long unique = 0;
        long duplicates = 0;
        for (Map.Entry<String, long[]> kind : counts.entrySet()) {
            unique += kind.getValue()[0];
            duplicates += kind.getValue()[1];
            byKind.put(kind.getKey(), Map.of("new", kind.getValue()[0], "duplicate", kind.getValue()[1]));
        }
        return new Status(lines, unique, duplicates, byKind, since, assigned, Optional.ofNullable(lastError));
    }

    /** The decisions and counts; {@code partitions} the number of partitions followed (0 until the topics exist). */
    public record Status(List<String> lines, long unique, long duplicates, Map<String, Map<String, Long>> byKind,
            Instant since, int partitions, Optional<String> lastError) {
    }

    synchronized void add(Decision decision) {
        latest.addLast(decision);
        while (latest.size() > capacity) {
            latest.removeFirst();
        }
        counts.computeIfAbsent(decision.kind(), kind -> new long[2])[decision.duplicate() ? 1 : 0]++;
    }

    private void run() {
        try {
            while (running && !assign()) {
                sleep(RETRY);
            }
            while (running) {
                poll();
            }
        } catch (WakeupException stopping) {
            log.debug("decision tail stopping");
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE));
        }
    }

    /** Assigns every partition of both topics at their ends; false when a topic has no partitions yet. */
    private boolean assign() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(uniqueTopic, duplicatesTopic)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos == null || infos.isEmpty()) {
                    failed("topic " + topic + " does not exist (yet): the decisions are looked for again in "
                            + RETRY.toSeconds() + " s");
                    return false;
                }
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned = partitions.size();
            lastError = null;
            log.info("following dedup's decisions on {} partitions of {} and {}, from their ends", partitions.size(),
                    uniqueTopic, duplicatesTopic);
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            failed("cannot assign " + uniqueTopic + " and " + duplicatesTopic + ": " + e);
            return false;
        }
    }

    private void poll() {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(POLL);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            failed("cannot read dedup's decisions: " + e);
            sleep(RETRY);
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Decision decision = new Decision(Instant.ofEpochMilli(record.timestamp()), kind(record.headers().lastHeader(
                    EventKind.HEADER)), record.key(), record.topic().equals(duplicatesTopic), record.topic(),
                    record.partition(), record.offset());
            log.trace("decision: {}", decision.line());
            add(decision);
        }
    }

    private static String kind(Header header) {
        return header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void failed(String error) {
        if (!error.equals(lastError)) {
            log.warn(error);
        }
        lastError = error;
    }

    private void sleep(Duration duration) {
        synchronized (pause) {
            try {
                pause.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Stops the thread and closes the consumer. */
    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            consumer.close(CloseOptions.timeout(CLOSE));
            return;
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        consumer.wakeup();
        try {
            thread.join(CLOSE.multipliedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while the decision tail stopped");
        }
        Status status = status();
        log.info("stopped following dedup's decisions: {} new and {} duplicate(s) since {}", status.unique(),
                status.duplicates(), status.since());
    }
}
