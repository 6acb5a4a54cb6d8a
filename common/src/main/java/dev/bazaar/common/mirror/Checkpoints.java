package dev.bazaar.common.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.Checkpoint;

/**
 * The consumer group checkpoints MirrorMaker writes to {@code main.checkpoints.internal} on the
 * mirror cluster: per group and partition, the group's committed offset on main and the offset of
 * the same place in the copy, and when that was written.
 */
public final class Checkpoints {

    /** The latest checkpoint of one group on one partition of a copy ({@code main.items}, ...). */
    public record Entry(String group, TopicPartition partition, long upstreamOffset, long downstreamOffset,
            Instant written) {
    }

    private Checkpoints() {
    }

    /**
     * The latest checkpoint of every group and partition, in the order first seen, read with
     * {@code mirrorClient} (a principal that may READ {@value MirrorNames#CHECKPOINTS} on the mirror).
     */
    public static List<Entry> latest(Properties mirrorClient, Duration timeout) {
        return latest(TopicReader.readAll(mirrorClient, MirrorNames.CHECKPOINTS, timeout));
    }

    /** The latest of {@code records} (of the checkpoints topic, in order) per group and partition. */
    static List<Entry> latest(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Checkpoint checkpoint = Checkpoint.deserializeRecord(record);
            Entry entry = new Entry(checkpoint.consumerGroupId(), checkpoint.topicPartition(),
                    checkpoint.upstreamOffset(), checkpoint.downstreamOffset(), Instant.ofEpochMilli(record.timestamp()));
            latest.put(entry.group() + "\u0000" + entry.partition(), entry);
        }
        return List.copyOf(latest.values());
    }
}
