package dev.bazaar.dedup.it;

import dev.bazaar.common.Cluster;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The main cluster as the dedup tests use it, as {@code admin}: topics of this run created, records
 * produced, and a topic read as a {@code read_committed} consumer sees it.
 */
final class Kafka {

    private static final long TIMEOUT_SECONDS = 60;

    private final Running platform;

    Kafka(Running platform) {
        this.platform = platform;
    }

    /** Client properties of admin plus {@code extra} (key, value, key, value...). */
    Properties admin(String... extra) {
        Properties props = new Properties();
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return platform.client(Cluster.MAIN, "admin", props);
    }

    /** Creates each topic (name to partitions), replicated three times. */
    void create(Map<String, Integer> topics) throws Exception {
        try (Admin admin = Admin.create(admin())) {
            List<NewTopic> created = topics.entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 3)).toList();
            admin.createTopics(created).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** An idempotent producer of bytes, acks=all, as admin. */
    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(admin("acks", "all", "enable.idempotence", "true", "linger.ms", "5"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Every committed record of {@code topic} up to its last stable offset now. */
    List<ConsumerRecord<byte[], byte[]>> committed(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(admin("isolation.level", "read_committed",
                "max.poll.records", "5000"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
