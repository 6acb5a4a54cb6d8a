package dev.bazaar.dedup.consumer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a {@link DedupConsumer} holds for one assigned input partition: the keys seen (committed and not),
 * the changes to the keys topic not committed yet (keys first seen, keys expired), and how far the
 * partition was read and committed.
 */
final class PartitionState {

    private final SeenKeys keys;
    /** Key to the timestamp of its first copy, or null when it expired: the next commit's writes. */
    private final Map<ByteBuffer, Long> pending = new LinkedHashMap<>();
    private Optional<OffsetAndMetadata> next = Optional.empty();

    PartitionState(Duration retention) {
        this.keys = new SeenKeys(retention, key -> pending.put(ByteBuffer.wrap(key), null));
    }

    SeenKeys keys() {
        return keys;
    }

    /** Whether {@code key} is a copy at {@code timestamp}; when it is not, it is remembered, to be committed. */
    boolean copy(byte[] key, long timestamp) {
        if (keys.copy(key, timestamp)) {
            return true;
        }
        pending.put(ByteBuffer.wrap(key), timestamp);
        return false;
    }

    /** Records that the partition was read up to {@code next} (the offset of the next record to read). */
    void readUpTo(OffsetAndMetadata nextOffset) {
        this.next = Optional.of(nextOffset);
    }

    /** The offset to commit, when the partition was read since its last commit. */
    Optional<OffsetAndMetadata> toCommit() {
        return next;
    }

    /** The writes of the next commit to the keys topic's {@code partition} of {@code topic}, marker last. */
    List<ProducerRecord<byte[], byte[]>> writes(String topic, int partition) {
        List<ProducerRecord<byte[], byte[]>> writes = new ArrayList<>();
        pending.forEach((key, timestamp) -> writes.add(timestamp == null
                ? KeysTopic.forgotten(topic, partition, key.array())
                : KeysTopic.seen(topic, partition, key.array(), timestamp)));
        next.ifPresent(offset -> writes.add(KeysTopic.marker(topic, partition, offset.offset())));
        return writes;
    }

    /** The writes were committed with the offset. */
    void committed() {
        pending.clear();
        next = Optional.empty();
    }

    int pendingKeys() {
        return pending.size();
    }
}
