package dev.bazaar.filter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaDeserializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bazaar filter list}: the products blocked now, read from the compacted stop-list to its end. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Show the blocked products: id, reason, who, when.")
final class ListCommand implements Callable<Integer> {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String FORMAT = "%-24s %-20s %-22s %s%n";

    @Spec
    CommandSpec spec;

    @CommandLine.ParentCommand
    FilterCli parent;

    @Override
    public Integer call() {
        Map<String, JsonNode> blocked = read(parent.layout());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(FORMAT, "PRODUCT", "BY", "WHEN", "REASON");
        blocked.values().forEach(entry -> out.printf(FORMAT, entry.path("productId").asText(),
                entry.path("blockedBy").asText(), entry.path("blockedAt").asText(), entry.path("reason").asText()));
        out.printf("%d product(s) blocked%n", blocked.size());
        return 0;
    }

    /** The latest entry per product, tombstones removing it, read up to the end offsets taken at start. */
    static Map<String, JsonNode> read(RuntimeLayout layout) {
        Properties props = KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, FilterCli.PRINCIPAL)
                .clientProperties();
        JsonSchemaKafkaDeserializer<JsonNode> values = new JsonSchemaKafkaDeserializer<>();
        values.configure(new HashMap<>(RegistryConnection.resolve(System.getenv(), layout, RegistryUser.READONLY)
                .serdeConfig()), false);
        Map<String, JsonNode> blocked = new TreeMap<>();
        try (KafkaConsumer<String, JsonNode> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BLOCKED_PRODUCTS, DEADLINE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the stop-list was not read to its end within " + DEADLINE.toSeconds() + " s");
                }
                for (ConsumerRecord<String, JsonNode> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(blocked, record);
                }
            }
        }
        return blocked;
    }

    private static void apply(Map<String, JsonNode> blocked, ConsumerRecord<String, JsonNode> record) {
        if (record.value() == null) {
            blocked.remove(record.key());
        } else {
            blocked.put(record.key(), record.value());
        }
    }
}
