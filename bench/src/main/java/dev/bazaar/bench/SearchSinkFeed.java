package dev.bazaar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Feeds the search sink the way the platform does: items on {@code filtered-items}, keyed by product
 * id, in the schema registry's wire format; and reads what the sink's index holds.
 */
final class SearchSinkFeed {

    /** The connector of setup/connectors/search-sink.json. */
    static final String CONNECTOR = "search-sink";
    /** The index it writes (its {@code topic.index.map}), which client-api searches. */
    static final String INDEX = "items";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchSinkFeed() {
    }

    /** Produces {@code documents} (key: product id) to filtered-items as the admin, acks=all, and flushes. */
    static void produce(BenchPlatform bench, List<? extends Map.Entry<String, ? extends JsonNode>> documents) {
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(bench.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        Properties props = bench.admin();
        props.put("acks", "all");
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        try (KafkaProducer<String, JsonNode> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
            documents.forEach(document -> producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, document.getKey(),
                    document.getValue())));
            producer.flush();
        }
    }

    /** Index operations the sink's index has applied (visible before a refresh). */
    static long indexed(String elasticsearch) throws IOException, InterruptedException {
        return JSON.readTree(BenchHttp.send("GET", elasticsearch + "/" + INDEX + "/_stats/indexing", null))
                .path("_all").path("primaries").path("indexing").path("index_total").asLong();
    }

    /** Documents a search of the sink's index finds now, after a refresh. */
    static long searchable(String elasticsearch) throws IOException, InterruptedException {
        BenchHttp.send("POST", elasticsearch + "/" + INDEX + "/_refresh", null);
        return JSON.readTree(BenchHttp.send("GET", elasticsearch + "/" + INDEX + "/_count", null)).path("count").asLong();
    }
}
