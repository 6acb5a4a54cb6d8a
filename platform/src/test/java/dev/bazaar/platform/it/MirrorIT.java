package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.mirror.GroupFailover;
import dev.bazaar.common.mirror.ReplicationLag;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.mirror.MirrorControl;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.setup.PlatformSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MirrorMaker 2 as {@code bazaar up} runs it: records on main appear in the mirror's copies, the
 * status reports lag and checkpoints, and a consumer group that read half a topic on main reads the
 * rest on the mirror after {@code bazaar mirror failover}, missing nothing.
 */
@ExtendWith(EmbeddedPlatform.class)
class MirrorIT {

    private static final Duration DEADLINE = Duration.ofMinutes(2);
    /** Unique to this run: the keys this test writes on the platform's shared topics start with it. */
    private static final String RUN = "mirror-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void recordsProducedOnMainAppearInTheMirrorsCopyAndTheLagDrainsToZero(Running platform) throws Exception {
        // given
        List<String> keys = produce(platform, "orders", RUN + "-order-", 200);
        long produced = System.nanoTime();

        // when
        awaitCopied(platform, "orders", keys);
        System.out.printf("mirror: 200 orders copied %d ms after they were acknowledged on main%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - produced));

        // then
        MirrorControl control = control(platform, Duration.ZERO);
        await("the mirror caught up with main").atMost(DEADLINE).untilAsserted(() -> {
            ReplicationLag.TopicLag orders = control.lag().stream().filter(lag -> lag.topic().equals("orders"))
                    .findFirst().orElseThrow();
            assertThat(orders.records()).as("orders not yet copied").isZero();
            assertThat(orders.copy()).isEqualTo("main.orders");
        });
    }

    @Test
    void aGroupThatReadHalfATopicOnMainReadsTheRestOnTheMirrorAfterFailover(Running platform) throws Exception {
        // given: 2,000 items on main, a group that read and committed about half of them, then stopped
        String group = "failover-drill";
        Set<String> keys = new HashSet<>(produce(platform, "items", RUN + "-failover-item-", 2_000));
        Set<String> readOnMain = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(platform, Cluster.MAIN, group)) {
            consumer.subscribe(List.of("items"));
            await("half our items read on main").atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> readOnMain.add(record.key()));
                readOnMain.retainAll(keys);
                return readOnMain.size() >= 1_000;
            });
            consumer.commitSync();
        }
        awaitCopied(platform, "items", keys);

        // when
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<GroupFailover.Move> moves = control(platform, Duration.ofSeconds(60)).failOver(group,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        MirrorControl.printMoves(group, moves, System.out);
        Set<String> readOnMirror = new HashSet<>();
        int deliveredOnMirror = 0;
        try (KafkaConsumer<String, String> consumer = consumer(platform, Cluster.MIRROR, group)) {
            consumer.subscribe(List.of(MirrorMaker.mirrored("items")));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await("the rest read on the mirror").atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                records.forEach(record -> readOnMirror.add(record.key()));
                Set<String> all = new HashSet<>(readOnMain);
                all.addAll(readOnMirror);
                return all.containsAll(keys);
            });
            deliveredOnMirror = (int) records.stream().filter(record -> keys.contains(record.key())).count();
        }

        // then
        Set<String> duplicates = new HashSet<>(readOnMirror);
        duplicates.retainAll(readOnMain);
        System.out.printf("failover: %d read on main, %d delivered on the mirror, 0 missing, %d read again%n",
                readOnMain.size(), deliveredOnMirror, duplicates.size());
        assertThat(moves).as("partitions moved").isNotEmpty()
                .allSatisfy(move -> assertThat(move.copy().topic()).isEqualTo("main.items"));
        assertThat(duplicates.size()).as("records read again (offset syncs every 100 records at most)")
                .isLessThan(100 * moves.size() + 1);
    }

    @Test
    void recordsProducedWhileTheMirrorNodeIsDownAreCopiedOnceItIsBack(Running platform) throws Exception {
        // given: the mirror cluster's only node killed
        ProcessHandle node = platform.process("mirror-1").running().orElseThrow();
        Running.kill(node);

        // when: records arrive on main meanwhile, then up restarts the node
        List<String> keys = produce(platform, "client-search", RUN + "-outage-", 300);
        long restarted = System.nanoTime();
        EmbeddedPlatform.Running.up(platform.platform());

        // then: MirrorMaker goes on by itself and copies every one of them
        awaitCopied(platform, "client-search", keys);
        System.out.printf("mirror node outage: 300 records copied %.1f s after up restarted the node%n",
                (System.nanoTime() - restarted) / 1e9);
        assertThat(platform.process(MirrorMaker.COMPONENT).running()).as("MirrorMaker kept running").isPresent();
    }

    @Test
    void failoverIsRefusedWhileTheGroupHasMembersOnMain(Running platform) throws Exception {
        // given: a member of the group is still polling on main
        String group = "failover-active";
        produce(platform, "items", RUN + "-active-item-", 10);
        try (KafkaConsumer<String, String> consumer = consumer(platform, Cluster.MAIN, group)) {
            consumer.subscribe(List.of("items"));
            await("the member joined").atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return !consumer.assignment().isEmpty();
            });

            // when / then
            assertThatThrownBy(() -> control(platform, Duration.ZERO).failOver(group, System.out))
                    .isInstanceOf(GroupFailover.GroupActiveException.class)
                    .hasMessageContaining("'" + group + "' still has 1 member(s) on the main cluster");
        }
    }

    @Test
    void statusShowsEveryCopiedTopicAndTheCheckpointedGroups(Running platform) throws Exception {
        // given: a group with a committed offset, checkpointed by MirrorMaker
        String group = "status-check";
        produce(platform, "client-search", RUN + "-status-", 5);
        try (KafkaConsumer<String, String> consumer = consumer(platform, Cluster.MAIN, group)) {
            consumer.subscribe(List.of("client-search"));
            await("read on main").atMost(DEADLINE).until(() -> !consumer.poll(Duration.ofMillis(200)).isEmpty());
            consumer.commitSync();
        }

        // when / then
        MirrorControl control = control(platform, Duration.ZERO);
        await("a checkpoint of the group").atMost(DEADLINE).until(() -> control.checkpoints().stream()
                .anyMatch(entry -> entry.group().equals(group)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        control.printStatus(new PrintStream(out, true, StandardCharsets.UTF_8));
        String status = out.toString(StandardCharsets.UTF_8);
        System.out.println(status);
        assertThat(status).contains(PlatformSpec.load().mirroredTopics().stream().map(MirrorMaker::mirrored).toArray(String[]::new))
                .contains(group);
    }

    private static void awaitCopied(Running platform, String topic, Collection<String> keys) {
        Set<String> copied = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(platform, Cluster.MIRROR, null)) {
            List<TopicPartition> partitions = partitions(consumer, MirrorMaker.mirrored(topic));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await("every " + topic + " record copied").atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> copied.add(record.key()));
                return copied.containsAll(keys);
            });
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        await(topic + " exists").atMost(DEADLINE).until(() -> {
            partitions.clear();
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            return !partitions.isEmpty();
        });
        return partitions;
    }

    private static MirrorControl control(Running platform, Duration checkpointWait) {
        return new MirrorControl(platform.platform().adminConnection(Cluster.MAIN),
                platform.platform().adminConnection(Cluster.MIRROR), checkpointWait);
    }

    private static List<String> produce(Running platform, String topic, String prefix, int count) throws Exception {
        List<String> keys = new ArrayList<>();
        Properties extra = new Properties();
        extra.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(platform.client(Cluster.MAIN, "admin", extra),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String key = prefix + i;
                keys.add(key);
                producer.send(new ProducerRecord<>(topic, key, "{\"n\":" + i + "}"));
            }
            producer.flush();
        }
        return keys;
    }

    private static KafkaConsumer<String, String> consumer(Running platform, Cluster cluster, String group) {
        Properties extra = new Properties();
        if (group != null) {
            extra.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        extra.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        extra.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        extra.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        return new KafkaConsumer<>(platform.client(cluster, "admin", extra), new StringDeserializer(),
                new StringDeserializer());
    }
}
