package dev.bazaar.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches an output topic as a downstream reader would ({@code read_committed}, from the end at
 * creation): counts records, notes when the first and the last arrived, and each record's
 * end-to-end latency (arrival minus the record's timestamp, which both the loop and Streams carry
 * over from the input).
 */
final class CommittedWatcher implements Runnable, AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Double> latencies = new ArrayList<>();
    private volatile long count;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private final Thread thread;

    private final String keyPrefix;

    /** Watches {@code topic}, counting only records whose key starts with {@code keyPrefix}. */
    CommittedWatcher(Properties client, String topic, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        Properties props = new Properties();
        props.putAll(client);
        props.put("isolation.level", "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this, "watch-" + topic);
        thread.start();
    }

    @Override
    public void run() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                if (record.key() == null || !record.key().startsWith(keyPrefix)) {
                    continue;
                }
                long now = System.nanoTime();
                long wall = System.currentTimeMillis();
                if (count == 0) {
                    firstNanos = now;
                }
                lastNanos = now;
                count++;
                synchronized (latencies) {
                    latencies.add((double) (wall - record.timestamp()));
                }
            }
        }
        consumer.close();
    }

    long count() {
        return count;
    }

    /** Records per second between the first and the last arrival. */
    double perSecond() {
        return count < 2 ? 0 : (count - 1) / ((lastNanos - firstNanos) / 1e9);
    }

    /** The latencies of the records after the first {@code skip}, in milliseconds. */
    Latencies latencies(int skip) {
        synchronized (latencies) {
            return new Latencies(latencies.stream().skip(skip).mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Waits until {@code expected} records arrived or {@code timeout} passed; false on timeout. */
    boolean awaitCount(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return count >= expected;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
