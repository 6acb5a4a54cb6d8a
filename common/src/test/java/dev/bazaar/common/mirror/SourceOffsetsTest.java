package dev.bazaar.common.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {

    private static final String ITEMS_0 = "[\"MirrorSourceConnector\",{\"cluster\":\"main\",\"partition\":0,"
            + "\"topic\":\"items\"}]";

    @Test
    void theLatestOffsetOfAMainPartitionWinsAndATombstoneForgetsIt() {
        // given
        Map<TopicPartition, Long> copied = new HashMap<>();

        // when
        SourceOffsets.parse(record(0, ITEMS_0, "{\"offset\":41}"), copied);
        SourceOffsets.parse(record(1, ITEMS_0, "{\"offset\":99}"), copied);
        SourceOffsets.parse(record(2, ITEMS_0.replace("items", "orders"), "{\"offset\":7}"), copied);

        // then
        assertThat(copied).as("the last copied offset per partition")
                .containsExactlyInAnyOrderEntriesOf(Map.of(new TopicPartition("items", 0), 99L,
                        new TopicPartition("orders", 0), 7L));
        SourceOffsets.parse(record(3, ITEMS_0, null), copied);
        assertThat(copied).as("after items-0's tombstone").containsOnlyKeys(new TopicPartition("orders", 0));
    }

    @Test
    void offsetsOfAnotherConnectorOrClusterAreNotMainsCopies() {
        // given
        Map<TopicPartition, Long> copied = new HashMap<>();

        // when
        SourceOffsets.parse(record(0, ITEMS_0.replace("MirrorSourceConnector", "MirrorCheckpointConnector"),
                "{\"offset\":1}"), copied);
        SourceOffsets.parse(record(1, ITEMS_0.replace("\"main\"", "\"other\""), "{\"offset\":1}"), copied);
        SourceOffsets.parse(record(2, null, "{\"offset\":1}"), copied);

        // then
        assertThat(copied).as("offsets that are not MirrorSourceConnector's of main").isEmpty();
    }

    @Test
    void anUnreadableOffsetNamesTheTopicAndTheRecord() {
        assertThatThrownBy(() -> SourceOffsets.parse(record(12, "{oops", "{}"), new HashMap<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mm2-offsets.main.internal at offset 12");
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String key, String value) {
        return new ConsumerRecord<>(MirrorNames.SOURCE_OFFSETS, 0, offset, bytes(key), bytes(value));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
