package dev.bazaar.dedup.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One fetched record made ready before any decision: its de-duplication key (null when it has none and
 * is handed out unchecked) and the record as the caller's deserializers make it, metadata kept.
 */
record Prepared<K, V>(TopicPartition partition, byte[] key, ConsumerRecord<K, V> record) {

    static <K, V> Prepared<K, V> of(ConsumerRecord<byte[], byte[]> raw, byte[] key, Deserializer<K> keys,
            Deserializer<V> values) {
        K deserializedKey;
        V deserializedValue;
        try {
            deserializedKey = keys.deserialize(raw.topic(), raw.headers(), raw.key());
            deserializedValue = values.deserialize(raw.topic(), raw.headers(), raw.value());
        } catch (RuntimeException e) {
            throw new SerializationException(where(raw) + " cannot be deserialized: " + e.getMessage(), e);
        }
        ConsumerRecord<K, V> record = new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
                raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(), deserializedKey,
                deserializedValue, raw.headers(), raw.leaderEpoch(), raw.deliveryCount());
        return new Prepared<>(new TopicPartition(raw.topic(), raw.partition()), key, record);
    }

    /** {@code topic-partition@offset}, for messages. */
    static String where(ConsumerRecord<?, ?> record) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    String where() {
        return where(record);
    }
}
