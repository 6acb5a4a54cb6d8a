package dev.bazaar.hdfs.loader.it;

import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a dead-letter topic from its start as the super user. */
final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * The keys on {@code topic}, once {@code key} is among them: other tests on the same platform leave
     * dead letters there too, so the first key read is not necessarily the one a test waits for.
     */
    static List<String> keysUntil(Running platform, String topic, String key, Duration deadline) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin",
                new Properties()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> keys = new ArrayList<>();
            await(key + " on " + topic).atMost(deadline).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
                return keys.contains(key);
            });
            return keys;
        }
    }
}
