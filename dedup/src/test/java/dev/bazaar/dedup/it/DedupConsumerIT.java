package dev.bazaar.dedup.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bazaar.dedup.DedupKey;
import dev.bazaar.dedup.UnkeyableRecordException;
import dev.bazaar.dedup.consumer.DedupConsumer;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plain-consumer wrapper against the real main cluster, as {@code admin}: what it hands out before
 * and after a crash between processing and commit, and what it does with a record it cannot key.
 */
@ExtendWith(EmbeddedPlatform.class)
class DedupConsumerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String RUN = "dedup-consumer-it-" + Long.toString(System.currentTimeMillis(), 36);

    @Test
    void aCopyNeverComesOutAfterItsOriginalWasCommittedAndACrashBeforeCommitHandsOutOnlyOriginalsAgain(
            Running platform) throws Exception {
        // given a topic keyed by 16-byte keys with 100 originals, then copies of the first 50
        Kafka kafka = new Kafka(platform);
        String input = RUN + "-orders";
        String group = RUN + "-team";
        kafka.create(Map.of(input, 3));
        send(kafka, input, IntStream.range(0, 100), "original");
        send(kafka, input, IntStream.range(0, 50), "copy-1");

        // when the first consumer hands them out and commits
        List<ConsumerRecord<String, String>> beforeCommit = new ArrayList<>();
        try (DedupConsumer<String, String> first = consumer(kafka, group)) {
            first.subscribe(input);
            await().atMost(DEADLINE).until(() -> poll(first, beforeCommit) && seen(first) == 150);
            first.commit();

            // and then, after copies of all 100 and 50 new originals with copies arrive, "crashes" before its commit
            send(kafka, input, IntStream.range(0, 100), "copy-2");
            send(kafka, input, IntStream.range(100, 150), "original");
            send(kafka, input, IntStream.range(100, 150), "copy-1");
            List<ConsumerRecord<String, String>> uncommitted = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> poll(first, uncommitted) && seen(first) == 350);
            assertThat(values(uncommitted)).as("handed out before the crash").hasSize(50).allMatch(v -> v.endsWith("original"));
        }

        // then the first run handed out each original once, no copy
        assertThat(values(beforeCommit)).as("first run").hasSize(100).allMatch(v -> v.endsWith("original"));

        // and a consumer that takes over hands out the 50 uncommitted originals again, and no copy
        List<ConsumerRecord<String, String>> afterCrash = new ArrayList<>();
        try (DedupConsumer<String, String> second = consumer(kafka, group)) {
            second.subscribe(input);
            await().atMost(DEADLINE).until(() -> poll(second, afterCrash) && seen(second) == 200);
            second.commit();
            assertThat(values(afterCrash)).as("after the crash: the uncommitted originals only").hasSize(50)
                    .allMatch(v -> v.endsWith("original"))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(100, 150).mapToObj(i -> i + ":original").toList());
            assertThat(second.metrics().duplicateCount()).as("copies skipped after the crash").isEqualTo(150);

            // and once committed, later copies of everything are skipped by a third run too
            send(kafka, input, IntStream.range(0, 150), "copy-3");
            List<ConsumerRecord<String, String>> late = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> poll(second, late) && seen(second) == 350);
            assertThat(late).as("copies after the commit").isEmpty();
            second.commit();
        }
        try (Admin admin = Admin.create(kafka.admin())) {
            assertThat(admin.describeTopics(List.of(group + "-dedup-keys")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(group + "-dedup-keys").partitions()).as("keys topic partitions").hasSize(3);
        }
    }

    @Test
    void aRecordThatCannotBeKeyedStopsPollAndIsReadAgainOrIsHandedOutAndCounted(Running platform) throws Exception {
        // given a good record, one without a key, and another good one
        Kafka kafka = new Kafka(platform);
        String input = RUN + "-unkeyed";
        kafka.create(Map.of(input, 1));
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            producer.send(record(input, 0, "original"));
            producer.send(new ProducerRecord<>(input, 0, null, "no key".getBytes(StandardCharsets.UTF_8)));
            producer.send(record(input, 1, "original"));
        }

        // when a consumer that refuses such records polls, it fails naming it, and again at the next poll
        try (DedupConsumer<String, String> refusing = consumer(kafka, RUN + "-refusing")) {
            refusing.subscribe(input);
            List<ConsumerRecord<String, String>> none = new ArrayList<>();
            await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(() -> poll(refusing, none))
                    .isInstanceOf(UnkeyableRecordException.class).hasMessageContaining(input + "-0@1 cannot be keyed"));
            await().atMost(DEADLINE).untilAsserted(() -> assertThatThrownBy(() -> poll(refusing, none))
                    .as("the batch is read again").isInstanceOf(UnkeyableRecordException.class));
            assertThat(none).as("nothing handed out").isEmpty();
        }

        // then one that hands them out gives all three, counting the unkeyable one
        Map<String, Object> config = config(kafka, RUN + "-lenient");
        try (DedupConsumer<String, String> lenient = DedupConsumer.builder(config, new StringDeserializer(),
                new StringDeserializer()).unkeyable(DedupConsumer.Unkeyable.HAND_OUT).build()) {
            lenient.subscribe(input);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> poll(lenient, all) && all.size() == 3);
            assertThat(lenient.unkeyableCount()).as("unkeyable").isEqualTo(1);
        }
    }

    private static DedupConsumer<String, String> consumer(Kafka kafka, String group) {
        return DedupConsumer.builder(config(kafka, group), new StringDeserializer(), new StringDeserializer()).build();
    }

    private static Map<String, Object> config(Kafka kafka, String group) {
        Properties props = kafka.admin("group.id", group, "auto.offset.reset", "earliest", "max.poll.records", "40");
        Map<String, Object> config = new java.util.HashMap<>();
        props.forEach((key, value) -> config.put((String) key, value));
        return config;
    }

    /** Polls once, adding what was handed out; true, for Awaitility. */
    private static boolean poll(DedupConsumer<String, String> consumer, List<ConsumerRecord<String, String>> into) {
        consumer.poll(POLL).forEach(into::add);
        return true;
    }

    /** Records the consumer decided about in this run: first copies and copies. */
    private static long seen(DedupConsumer<String, String> consumer) {
        return consumer.metrics().uniqueCount() + consumer.metrics().duplicateCount();
    }

    private static void send(Kafka kafka, String topic, IntStream keys, String what) {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            keys.forEach(i -> producer.send(record(topic, i, what)));
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int i, String what) {
        return new ProducerRecord<>(topic, DedupKey.ofRecordKey((RUN + "-" + i).getBytes(StandardCharsets.UTF_8)),
                (i + ":" + what).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
