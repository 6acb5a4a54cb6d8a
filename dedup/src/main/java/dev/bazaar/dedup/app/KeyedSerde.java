package dev.bazaar.dedup.app;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link Keyed} on the repartition topic: the original record key and value, each as a 4-byte length
 * (-1 for null) and its bytes, so both come back exactly as they were, nulls included.
 */
final class KeyedSerde implements Serde<Keyed> {

    private static final int NULL = -1;

    @Override
    public Serializer<Keyed> serializer() {
        return (topic, keyed) -> {
            if (keyed == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(2 * Integer.BYTES + length(keyed.recordKey()) + length(keyed.value()));
            put(buffer, keyed.recordKey());
            put(buffer, keyed.value());
            return buffer.array();
        };
    }

    @Override
    public Deserializer<Keyed> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            try {
                Keyed keyed = new Keyed(get(buffer), get(buffer));
                if (buffer.hasRemaining()) {
                    throw new SerializationException(buffer.remaining() + " bytes after a keyed record on " + topic);
                }
                return keyed;
            } catch (RuntimeException e) {
                throw e instanceof SerializationException s ? s
                        : new SerializationException("not a keyed record of the dedup app on " + topic, e);
            }
        };
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void put(ByteBuffer buffer, byte[] bytes) {
        buffer.putInt(bytes == null ? NULL : bytes.length);
        if (bytes != null) {
            buffer.put(bytes);
        }
    }

    private static byte[] get(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length == NULL) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
