package dev.bazaar.common.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * How far MirrorMaker has copied each partition of the main cluster: the source offsets its
 * Connect worker commits (every 5 s) to {@code mm2-offsets.main.internal} on the mirror cluster,
 * keyed {@code ["MirrorSourceConnector",{"cluster":"main","partition":0,"topic":"items"}]} with
 * value {@code {"offset":N}}, N the last offset copied.
 */
final class SourceOffsets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceOffsets() {
    }

    /** The last copied offset of every main partition MirrorMaker has copied from. */
    static Map<TopicPartition, Long> lastCopied(Properties mirrorClient, Duration timeout) {
        Map<TopicPartition, Long> copied = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(mirrorClient, MirrorNames.SOURCE_OFFSETS, timeout)) {
            parse(record, copied);
        }
        return copied;
    }

    static void parse(ConsumerRecord<byte[], byte[]> record, Map<TopicPartition, Long> copied) {
        if (record.key() == null) {
            return;
        }
        try {
            JsonNode key = JSON.readTree(record.key());
            if (!key.isArray() || !"MirrorSourceConnector".equals(key.path(0).asText())
                    || !MirrorNames.SOURCE.equals(key.path(1).path("cluster").asText())) {
                return;
            }
            TopicPartition partition = new TopicPartition(key.path(1).path("topic").asText(),
                    key.path(1).path("partition").asInt());
            if (record.value() == null) {
                copied.remove(partition);
            } else {
                copied.put(partition, JSON.readTree(record.value()).path("offset").asLong());
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable MirrorMaker offset in " + MirrorNames.SOURCE_OFFSETS
                    + " at offset " + record.offset() + ": " + e.getMessage(), e);
        }
    }
}
