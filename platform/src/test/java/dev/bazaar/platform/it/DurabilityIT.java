package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.platform.kafka.KafkaCluster;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kill -9 one main node while a producer writes with acks=all and idempotence: every acknowledged
 * record is there exactly once afterwards, and the longest a record waited for its acknowledgement
 * (the stall) stays bounded thanks to the nodes' short broker session and quorum timeouts. Killing
 * the active controller costs a quorum election on top of fencing the dead broker, so it has its own bound.
 */
@ExtendWith(EmbeddedPlatform.class)
class DurabilityIT {

    private static final int RECORDS = 30_000;
    private static final int KILL_AFTER_ACKS = 5_000;
    private static final int MAX_OUTSTANDING = 200;
    private static final Duration MAX_STALL_BROKER = Duration.ofSeconds(5);
    private static final Duration MAX_STALL_CONTROLLER = Duration.ofSeconds(8);
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @Test
    void killingANodeThatIsNotTheControllerLosesNothingAndStallsAtMostFiveSeconds(Running platform) throws Exception {
        killUnderLoad(platform, "durability-broker", false, MAX_STALL_BROKER);
    }

    @Test
    void killingTheActiveControllerLosesNothing(Running platform) throws Exception {
        killUnderLoad(platform, "durability-controller", true, MAX_STALL_CONTROLLER);
    }

    private void killUnderLoad(Running platform, String topic, boolean controller, Duration maxStall) throws Exception {
        // given a topic replicated on all three nodes with min ISR 2, and the node to kill
        KafkaCluster main = platform.platform().cluster(Cluster.MAIN);
        KafkaNode victim;
        try (Admin admin = Admin.create(platform.client(Cluster.MAIN, "admin", new Properties()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3)
                    .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
            int leader = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
            victim = main.nodes().stream().filter(n -> (n.id() == leader) == controller).findFirst().orElseThrow();
        }

        try {
            // when a producer writes continuously and one node is killed -9 after the first acknowledgements
            Set<Long> acked = ConcurrentHashMap.newKeySet();
            AtomicLong maxAckMillis = new AtomicLong();
            AtomicReference<Exception> failed = new AtomicReference<>();
            try (KafkaProducer<byte[], byte[]> producer = producer(platform)) {
                Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
                for (long seq = 0; seq < RECORDS; seq++) {
                    outstanding.acquire();
                    long sent = System.nanoTime();
                    long value = seq;
                    producer.send(new ProducerRecord<>(topic, ByteBuffer.allocate(8).putLong(value).array()), (meta, e) -> {
                        maxAckMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent), Math::max);
                        if (e == null) {
                            acked.add(value);
                        } else {
                            failed.compareAndSet(null, e);
                        }
                        outstanding.release();
                    });
                    if (seq == KILL_AFTER_ACKS) {
                        await().atMost(DEADLINE).until(() -> acked.size() >= KILL_AFTER_ACKS);
                        main.process(victim).running().orElseThrow().destroyForcibly();
                    }
                }
                producer.flush();
            }

            // then nothing failed, and every acknowledged record is on the topic exactly once
            Map<Long, Integer> seen = readAll(platform, topic);
            long duplicates = seen.values().stream().filter(n -> n > 1).count();
            long missing = acked.stream().filter(seq -> !seen.containsKey(seq)).count();
            System.out.printf("durability (kill -9 %s, %s): %d acknowledged, %d read, %d missing, %d duplicated, "
                    + "longest ack wait %d ms%n", victim.name(), controller ? "the active controller" : "not the controller",
                    acked.size(), seen.size(), missing, duplicates, maxAckMillis.get());
            assertThat(failed.get()).as("a send that failed").isNull();
            assertThat(acked).as("acknowledged records").hasSize(RECORDS);
            assertThat(missing).as("acknowledged records missing").isZero();
            assertThat(duplicates).as("records written twice").isZero();
            assertThat(maxAckMillis.get()).as("longest wait for an acknowledgement (the stall), ms")
                    .isLessThanOrEqualTo(maxStall.toMillis());
        } finally {
            // the killed node rejoins, whatever the outcome, for the tests that follow
            main.start();
            main.awaitReady(platform.platform().adminConnection(Cluster.MAIN), EmbeddedPlatform.START_TIMEOUT);
            awaitFullyReplicated(platform);
        }
    }

    /** Waits until every replica of every topic is back in sync, so the next fault starts from a whole cluster. */
    private static void awaitFullyReplicated(Running platform) throws Exception {
        try (Admin admin = Admin.create(platform.client(Cluster.MAIN, "admin", new Properties()))) {
            await().atMost(DEADLINE).until(() -> {
                Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .flatMap(t -> t.partitions().stream())
                        .allMatch(p -> p.isr().size() == p.replicas().size());
            });
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(Running platform) {
        Properties extra = new Properties();
        extra.put("acks", "all");
        extra.put("enable.idempotence", "true");
        extra.put("linger.ms", "2");
        extra.put("delivery.timeout.ms", "120000");
        return new KafkaProducer<>(platform.client(Cluster.MAIN, "admin", extra), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static Map<Long, Integer> readAll(Running platform, String topic) {
        Map<Long, Integer> seen = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                platform.client(Cluster.MAIN, "admin", new Properties()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.merge(ByteBuffer.wrap(record.value()).getLong(), 1, Integer::sum);
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return seen;
    }
}
