package dev.bazaar.analytics.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.RegistryConnection;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic the way a Confluent-style consumer would: the registry's deserializer, latest value
 * per key, of the keys a test asks for (other tests' records on a shared platform, probes that are not in
 * the registry's wire format among them, are passed over undecoded).
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicReader() {
    }

    /**
     * The latest value of each key of {@code topic} that {@code keys} accepts (null for a tombstone), in
     * the order they were last written.
     */
    static Map<String, JsonNode> latest(Properties admin, RegistryConnection registry, String topic,
            Predicate<String> keys) {
        Properties props = new Properties();
        props.putAll(admin);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
                JsonSchemaKafkaDeserializer<JsonNode> deserializer = new JsonSchemaKafkaDeserializer<>()) {
            deserializer.configure(new HashMap<>(registry.serdeConfig()), false);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, TIMEOUT) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.key() == null || !keys.test(record.key())) {
                        continue;
                    }
                    values.remove(record.key());
                    values.put(record.key(), record.value() == null ? null
                            : deserializer.deserialize(topic, record.headers(), record.value()));
                }
            }
        }
        return values;
    }
}
