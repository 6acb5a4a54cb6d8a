package dev.bazaar.dedup.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.dedup.DedupKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** What a commit writes to the keys topic is what a restore reads back. */
class KeysTopicTest {

    private static final Duration RETENTION = Duration.ofHours(1);

    @Test
    void aCommitsWritesAreTheNewKeysTheExpiredOnesAndTheMarkerLast() {
        // given a partition that saw A at 0, a copy of A, B an hour and a half later (A expires on growth or purge)
        PartitionState state = new PartitionState(RETENTION);
        assertThat(state.copy(key("a"), 0)).as("A").isFalse();
        assertThat(state.copy(key("a"), 10)).as("A again").isTrue();
        assertThat(state.copy(key("b"), 90 * 60_000L)).as("B").isFalse();
        state.keys().purge();
        state.readUpTo(new OffsetAndMetadata(3));

        // when
        List<ProducerRecord<byte[], byte[]>> writes = state.writes("g-dedup-keys", 2);

        // then A is written and forgotten in one record (its last state), B is written, then the marker
        assertThat(writes).as("partition").allSatisfy(w -> assertThat(w.partition()).isEqualTo(2));
        assertThat(writes).extracting(w -> w.key().length == 16 ? DedupKey.hex(w.key()) : new String(w.key(),
                StandardCharsets.US_ASCII)).as("keys").containsExactly(DedupKey.hex(key("a")), DedupKey.hex(key("b")),
                "input-offset");
        assertThat(writes.get(0).value()).as("A forgotten").isNull();

        // and read back, they give B and the marker of offset 3
        SeenKeys restored = new SeenKeys(RETENTION, k -> { });
        long marker = -1;
        for (ProducerRecord<byte[], byte[]> write : writes) {
            marker = Math.max(marker, KeysTopic.apply(consumed(write), restored));
        }
        assertThat(marker).as("marker").isEqualTo(3);
        assertThat(restored.size()).as("keys read back").isEqualTo(1);
        assertThat(restored.copy(key("b"), 90 * 60_000L)).as("B is a copy after the restore").isTrue();
        state.committed();
        assertThat(state.writes("g-dedup-keys", 2)).as("nothing left after the commit").isEmpty();
    }

    @Test
    void aRecordThatIsNotTheWrappersIsRefused() {
        ConsumerRecord<byte[], byte[]> other = new ConsumerRecord<>("g-dedup-keys", 0, 7, "x".getBytes(StandardCharsets.UTF_8),
                new byte[8]);
        assertThatThrownBy(() -> KeysTopic.apply(other, new SeenKeys(RETENTION, k -> { })))
                .hasMessageContaining("g-dedup-keys-0@7 is not one of DedupConsumer's");
    }

    private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> record) {
        return new ConsumerRecord<>(record.topic(), record.partition(), 0, record.key(), record.value());
    }

    private static byte[] key(String name) {
        return DedupKey.ofRecordKey(name.getBytes(StandardCharsets.UTF_8));
    }
}
