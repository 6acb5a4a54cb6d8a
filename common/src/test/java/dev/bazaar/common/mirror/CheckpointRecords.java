package dev.bazaar.common.mirror;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.protocol.types.Struct;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.mirror.Checkpoint;

/** Records of {@code main.checkpoints.internal} as MirrorMaker writes them, in its own format. */
final class CheckpointRecords {

    private CheckpointRecords() {
    }

    static ConsumerRecord<byte[], byte[]> record(long offset, long timestamp, String group, String copy, int partition,
            long upstream, long downstream) {
        Struct key = new Struct(Checkpoint.KEY_SCHEMA).set(Checkpoint.CONSUMER_GROUP_ID_KEY, group)
                .set(Checkpoint.TOPIC_KEY, copy).set(Checkpoint.PARTITION_KEY, partition);
        Struct header = new Struct(Checkpoint.HEADER_SCHEMA).set(Checkpoint.VERSION_KEY, Checkpoint.VERSION);
        Struct value = new Struct(Checkpoint.VALUE_SCHEMA_V0).set(Checkpoint.UPSTREAM_OFFSET_KEY, upstream)
                .set(Checkpoint.DOWNSTREAM_OFFSET_KEY, downstream).set(Checkpoint.METADATA_KEY, "");
        ByteBuffer keyBytes = ByteBuffer.allocate(Checkpoint.KEY_SCHEMA.sizeOf(key));
        Checkpoint.KEY_SCHEMA.write(keyBytes, key);
        ByteBuffer valueBytes = ByteBuffer.allocate(Checkpoint.HEADER_SCHEMA.sizeOf(header)
                + Checkpoint.VALUE_SCHEMA_V0.sizeOf(value));
        Checkpoint.HEADER_SCHEMA.write(valueBytes, header);
        Checkpoint.VALUE_SCHEMA_V0.write(valueBytes, value);
        return new ConsumerRecord<>(MirrorNames.CHECKPOINTS, 0, offset, timestamp,
                TimestampType.CREATE_TIME, 0, 0, keyBytes.array(), valueBytes.array(), new RecordHeaders(),
                Optional.empty());
    }
}
