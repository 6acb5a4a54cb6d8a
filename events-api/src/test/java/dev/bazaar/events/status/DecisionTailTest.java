package dev.bazaar.events.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The status' lines and counts from dedup's two output topics, followed from their ends; only the latest lines kept. */
class DecisionTailTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final TopicPartition UNIQUE = new TopicPartition("product-events", 0);
    private static final TopicPartition COPIES = new TopicPartition("product-events-duplicates", 0);

    @Test
    void followsBothTopicsFromTheirEndsKeepingTheLatestLinesAndCountingEveryDecision() {
        // given both topics with records from before, and a tail that keeps 2 lines
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        Node node = new Node(1, "localhost", 9092);
        consumer.updatePartitions(UNIQUE.topic(), List.of(new PartitionInfo(UNIQUE.topic(), 0, node, null, null)));
        consumer.updatePartitions(COPIES.topic(), List.of(new PartitionInfo(COPIES.topic(), 0, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(UNIQUE, 0L, COPIES, 0L));
        consumer.updateEndOffsets(Map.of(UNIQUE, 5L, COPIES, 7L));
        try (DecisionTail tail = new DecisionTail(consumer, UNIQUE.topic(), COPIES.topic(), 2)) {
            tail.start();
            await().atMost(DEADLINE).until(() -> tail.status().partitions() == 2);

            // when dedup decides on three events after the start, one after the other
            decide(consumer, tail, decision(UNIQUE, 5, new byte[] {1}, "view-event"), 1);
            decide(consumer, tail, decision(COPIES, 7, new byte[] {2}, "product_events"), 2);
            decide(consumer, tail, decision(UNIQUE, 6, new byte[] {3}, "view-event"), 3);

            // then the latest two are shown, oldest first, and all three counted per kind
            await().atMost(DEADLINE).untilAsserted(() -> {
                DecisionTail.Status status = tail.status();
                assertThat(status.unique()).as("new").isEqualTo(2);
                assertThat(status.duplicates()).as("duplicates").isEqualTo(1);
                assertThat(status.byKind()).as("by kind").isEqualTo(Map.of(
                        "view-event", Map.of("new", 2L, "duplicate", 0L),
                        "product_events", Map.of("new", 0L, "duplicate", 1L)));
                assertThat(status.lines()).as("lines").hasSize(2);
                assertThat(status.lines().get(0)).as("older line")
                        .isEqualTo("2026-12-07T10:00:00.007Z product_events 02: duplicate, dropped "
                                + "(product-events-duplicates-0@7)");
                assertThat(status.lines().get(1)).as("newer line").contains("view-event 03: new, stored (product-events-0@6)");
            });
        }
    }

    /** Adds {@code record} and waits until the tail has counted {@code decisions} in all. */
    private static void decide(MockConsumer<byte[], byte[]> consumer, DecisionTail tail,
            ConsumerRecord<byte[], byte[]> record, long decisions) {
        consumer.addRecord(record);
        await().atMost(DEADLINE).until(() -> tail.status().unique() + tail.status().duplicates() == decisions);
    }

    private static ConsumerRecord<byte[], byte[]> decision(TopicPartition partition, long offset, byte[] key, String kind) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-kind", kind.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, 1_796_637_600_000L + offset,
                TimestampType.CREATE_TIME, 0, 0, key, new byte[0], headers, Optional.empty());
    }
}
