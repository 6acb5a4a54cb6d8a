package dev.bazaar.common.mirror;

import static dev.bazaar.common.mirror.CheckpointRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void theLatestCheckpointPerGroupAndPartitionIsKeptInTheOrderFirstSeen() {
        // given: two checkpoints of shop's items-0, one of shop's items-1, one of filter's items-0
        List<Checkpoints.Entry> latest = Checkpoints.latest(List.of(
                record(0, 1_000, "shop", "main.items", 0, 10, 9),
                record(1, 2_000, "filter", "main.items", 0, 5, 5),
                record(2, 3_000, "shop", "main.items", 1, 7, 7),
                record(3, 4_000, "shop", "main.items", 0, 30, 28)));

        // then
        assertThat(latest).as("one entry per group and partition, the latest").containsExactly(
                new Checkpoints.Entry("shop", new TopicPartition("main.items", 0), 30, 28, Instant.ofEpochMilli(4_000)),
                new Checkpoints.Entry("filter", new TopicPartition("main.items", 0), 5, 5, Instant.ofEpochMilli(2_000)),
                new Checkpoints.Entry("shop", new TopicPartition("main.items", 1), 7, 7, Instant.ofEpochMilli(3_000)));
    }
}
