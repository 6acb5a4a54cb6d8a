package dev.bazaar.common.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupFailoverTest {

    private static final TopicPartition ITEMS_0 = new TopicPartition("items", 0);
    private static final TopicPartition ITEMS_1 = new TopicPartition("items", 1);

    @Test
    void eachCheckpointBecomesAMoveToItsDownstreamOffsetInTheOrderOfTheCopies() {
        // given: checkpoints of two partitions, the group committed on main on one of them only
        List<Checkpoints.Entry> checkpoints = List.of(entry("main.orders", 0, 4, 4), entry("main.items", 1, 60, 58),
                entry("main.items", 0, 20, 19));

        // when
        List<GroupFailover.Move> moves = GroupFailover.moves(checkpoints, Map.of(ITEMS_0, 25L));

        // then
        assertThat(moves).as("moves by copy and partition").containsExactly(
                new GroupFailover.Move(ITEMS_0, 25L, 20, new TopicPartition("main.items", 0), 19),
                new GroupFailover.Move(ITEMS_1, null, 60, new TopicPartition("main.items", 1), 58),
                new GroupFailover.Move(new TopicPartition("orders", 0), null, 4, new TopicPartition("main.orders", 0), 4));
    }

    @Test
    void checkpointsHaveCaughtUpWhenEachCommittedPartitionsIsAtOrPastTheOffsetOnMain() {
        // given
        Map<TopicPartition, Long> committed = Map.of(ITEMS_0, 20L, ITEMS_1, 60L);

        // then
        assertThat(GroupFailover.caughtUp(Map.of(ITEMS_0, entry("main.items", 0, 20, 19), ITEMS_1,
                entry("main.items", 1, 61, 60)), committed)).as("both at or past").isTrue();
        assertThat(GroupFailover.caughtUp(Map.of(ITEMS_0, entry("main.items", 0, 19, 18), ITEMS_1,
                entry("main.items", 1, 61, 60)), committed)).as("items-0 behind").isFalse();
        assertThat(GroupFailover.caughtUp(Map.of(ITEMS_0, entry("main.items", 0, 20, 19)), committed))
                .as("items-1 not checkpointed").isFalse();
        assertThat(GroupFailover.caughtUp(Map.of(), Map.of())).as("main not answering: nothing to wait for").isTrue();
    }

    private static Checkpoints.Entry entry(String copy, int partition, long upstream, long downstream) {
        return new Checkpoints.Entry("g", new TopicPartition(copy, partition), upstream, downstream, Instant.EPOCH);
    }
}
