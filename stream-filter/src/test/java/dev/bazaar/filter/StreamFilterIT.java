package dev.bazaar.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.filter.cli.FilterCli;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The filter as principal {@code filter} with exactly-once on the real secure cluster and registry. */
@ExtendWith(EmbeddedPlatform.class)
class StreamFilterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void blockedProductsNeverReachFilteredItemsReadCommitted(Running platform) throws Exception {
        // given stream-filter running as principal filter, and a product blocked by ops
        FilterMetrics metrics = new FilterMetrics();
        StreamsBuilder builder = new StreamsBuilder();
        FilterTopology.build(builder, 6, metrics);
        KafkaConnection filter = KafkaConnection.embedded(platform.layout(), Cluster.MAIN, StreamFilterApp.PRINCIPAL);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), StreamFilterApp.config(filter, platform.layout()))) {
            streams.start();
            await().atMost(DEADLINE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            FilterCli.send(platform.layout(), "it-blocked", blockEntry("it-blocked"));
            await().atMost(DEADLINE).until(() -> metrics.counters().get("stream_filter_stop_list_updates_total") >= 1);

            // when shop publishes three items, one of them of the blocked product
            try (KafkaProducer<String, JsonNode> shop = shopProducer(platform)) {
                for (String id : List.of("it-ok-1", "it-blocked", "it-ok-2")) {
                    shop.send(new ProducerRecord<>(Topics.ITEMS, id, item(id))).get(30, TimeUnit.SECONDS);
                }
            }

            // then a read_committed consumer of filtered-items sees the two others, never the blocked one
            Map<String, Integer> seen = new HashMap<>();
            try (KafkaConsumer<String, byte[]> consumer = committedReader(platform)) {
                await().atMost(DEADLINE).until(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        seen.merge(record.key(), 1, Integer::sum);
                    }
                    return seen.containsKey("it-ok-1") && seen.containsKey("it-ok-2");
                });
            }
            assertThat(seen).as("keys on filtered-items").containsEntry("it-ok-1", 1).containsEntry("it-ok-2", 1)
                    .doesNotContainKey("it-blocked");
            assertThat(metrics.counters()).as("metrics").containsEntry("stream_filter_records_dropped_total", 1L);
        }
    }

    private static JsonNode blockEntry(String productId) {
        return JSON.createObjectNode().put("productId", productId).put("reason", "integration test")
                .put("blockedBy", "ops").put("blockedAt", "2026-11-23T10:00:00Z");
    }

    private static JsonNode item(String productId) throws Exception {
        try (InputStream in = StreamFilterIT.class.getResourceAsStream("/bazaar/setup/schemas/examples/items.valid.json")) {
            return ((ObjectNode) JSON.readTree(in)).put("productId", productId);
        }
    }

    private static KafkaProducer<String, JsonNode> shopProducer(Running platform) {
        Properties props = KafkaConnection.embedded(platform.layout(), Cluster.MAIN, "shop").clientProperties();
        props.put("acks", "all");
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(platform.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        return new KafkaProducer<>(props, new StringSerializer(), serializer);
    }

    private static KafkaConsumer<String, byte[]> committedReader(Running platform) {
        Properties extra = new Properties();
        extra.put("isolation.level", "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", extra),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.FILTERED_ITEMS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
