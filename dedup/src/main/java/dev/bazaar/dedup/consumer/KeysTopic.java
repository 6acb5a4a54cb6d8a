package dev.bazaar.dedup.consumer;

import dev.bazaar.dedup.DedupKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The compacted topic {@code <group>-dedup-keys} where a {@link DedupConsumer} keeps the keys each input
 * partition has seen: partition p holds those of input partition p. Three kinds of record, told apart by
 * the record key: a seen key (its 16 bytes; the value is the 8-byte timestamp of the first copy), a
 * forgotten one (its 16 bytes, no value: it expired), and the partition's marker ({@value #MARKER_NAME}; the
 * value is the 8-byte input offset committed with it). Every commit writes the keys and the marker in the
 * transaction that commits the offset, so a restore that has read the marker of the committed offset has
 * read every key committed with it.
 */
final class KeysTopic {

    static final String MARKER_NAME = "input-offset";
    static final byte[] MARKER = MARKER_NAME.getBytes(StandardCharsets.US_ASCII);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    private static final Duration POLL = Duration.ofMillis(200);

    private KeysTopic() {
    }

    /** The keys topic of consumer group {@code group}. */
    static String name(String group) {
        return group + "-dedup-keys";
    }

    static ProducerRecord<byte[], byte[]> seen(String topic, int partition, byte[] key, long timestamp) {
        return new ProducerRecord<>(topic, partition, key, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
    }

    static ProducerRecord<byte[], byte[]> forgotten(String topic, int partition, byte[] key) {
        return new ProducerRecord<>(topic, partition, key, null);
    }

    static ProducerRecord<byte[], byte[]> marker(String topic, int partition, long committedOffset) {
        return new ProducerRecord<>(topic, partition, MARKER.clone(),
                ByteBuffer.allocate(Long.BYTES).putLong(committedOffset).array());
    }

    /**
     * Creates the keys topic with {@code partitions} partitions, compacted, when it does not exist; fails
     * when it has fewer partitions than the input (a key of input partition p must have a partition p).
     */
    static void ensure(Admin admin, String topic, int partitions) {
        try {
            Optional<Integer> existing = partitions(admin, topic);
            if (existing.isEmpty()) {
                NewTopic keys = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(keys)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create the keys topic " + topic + " (declare it, compacted, "
                                + "with " + partitions + " partitions, or grant CREATE on it): " + e.getCause().getMessage(),
                                e.getCause());
                    }
                }
            } else if (existing.get() < partitions) {
                throw new IllegalStateException("the keys topic " + topic + " has " + existing.get()
                        + " partitions, the input " + partitions + ": it needs one per input partition");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer about " + topic + " within " + ADMIN_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The partitions of {@code topic}, or empty when it does not exist. */
    static Optional<Integer> partitions(Admin admin, String topic) throws InterruptedException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Reads the keys topic's {@code partitions} from their start, in one pass, each into its {@link SeenKeys}
     * with {@code reader} (read_committed): up to its last stable offset and, when a committed input offset is
     * given for it, at least until the marker of that offset — the transaction that committed it may still
     * be completing.
     *
     * @param partitions each keys partition to read, with the input offset committed for it, if any
     * @return the records read
     * @throws IllegalStateException when a marker does not show within {@code timeout}
     */
    static long restore(Consumer<byte[], byte[]> reader, Map<TopicPartition, Optional<Long>> partitions,
            Map<TopicPartition, SeenKeys> keys, Duration timeout) {
        List<TopicPartition> all = List.copyOf(partitions.keySet());
        reader.assign(all);
        reader.seekToBeginning(all);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> markers = new HashMap<>();
        long records = 0;
        while (true) {
            Map<TopicPartition, Long> ends = reader.endOffsets(all);
            List<TopicPartition> behind = all.stream().filter(tp -> reader.position(tp) < ends.get(tp)
                    || partitions.get(tp).orElse(-1L) > markers.getOrDefault(tp, -1L)).toList();
            if (behind.isEmpty()) {
                reader.assign(List.of());
                return records;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(behind + " show no marker of the committed offsets " + partitions
                        + " within " + timeout + " (markers read: " + markers + "): were the group's offsets committed "
                        + "without DedupConsumer, or is a transaction stuck?");
            }
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                long marker = apply(record, keys.get(tp));
                if (marker >= 0) {
                    markers.merge(tp, marker, Math::max);
                }
                records++;
            }
        }
    }

    /** Applies one record to {@code keys}; the offset it marks, or -1 when it is not a marker. */
    static long apply(ConsumerRecord<byte[], byte[]> record, SeenKeys keys) {
        byte[] key = record.key();
        if (key != null && Arrays.equals(key, MARKER)) {
            return ByteBuffer.wrap(record.value()).getLong();
        }
        if (key == null || key.length != DedupKey.BYTES) {
            throw new IllegalStateException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " is not one of DedupConsumer's: is the topic used for something else?");
        }
        if (record.value() == null) {
            keys.remove(key);
        } else {
            keys.restore(key, ByteBuffer.wrap(record.value()).getLong());
        }
        return -1;
    }
}
