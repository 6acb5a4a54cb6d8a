package dev.bazaar.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The distinct de-duplication keys that entered the pipeline: the record keys of the raw topic, read
 * from its beginning (no group), each call reading on to the topic's current end. This is what the
 * PostgreSQL table must hold, one row per key: the exact count the client cannot know by itself, as
 * wrk stops with requests in flight that events-api may still publish.
 */
final class RawKeys implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int KEY_BYTES = 16;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Set<Key> keys = new HashSet<>();
    private long records;

    /** A reader of {@code topic} with the client settings {@code connection} (no group). */
    RawKeys(Properties connection, String topic) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-keys");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads on to the current end of every partition, within {@code timeout}. */
    void readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the raw topic to its end " + end + " within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                records++;
                keys.add(Key.of(record.key()));
            }
        }
    }

    /** Records read so far. */
    long records() {
        return records;
    }

    /** Distinct keys among them. */
    long unique() {
        return keys.size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** A 16-byte de-duplication key as two longs: a third of the memory of a byte array in a set. */
    private record Key(long high, long low) {

        static Key of(byte[] key) {
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalStateException("a raw record's key is not " + KEY_BYTES + " bytes: "
                        + (key == null ? "none" : key.length + " bytes"));
            }
            ByteBuffer buffer = ByteBuffer.wrap(key);
            return new Key(buffer.getLong(), buffer.getLong());
        }
    }
}
