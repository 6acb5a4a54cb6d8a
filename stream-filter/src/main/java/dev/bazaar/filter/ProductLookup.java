package dev.bazaar.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers "is this product known, and is it blocked?" from the filter's own state stores, so that
 * {@code bazaar filter block} can refuse a product id nobody ever published without giving the
 * operator read access to {@code items}. One instance holds every partition; with more instances
 * a product owned by another one reads as unknown, which the CLI says.
 */
final class ProductLookup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIRE_HEADER = 5;

    private final KafkaStreams streams;

    ProductLookup(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The product as the filter knows it: its latest item's name, if any, and whether it is blocked. */
    record Product(String productId, boolean known, String name, boolean blocked) {

        String toJson() {
            ObjectNode node = JSON.createObjectNode().put("productId", productId).put("known", known)
                    .put("blocked", blocked);
            if (name != null) {
                node.put("name", name);
            }
            return node.toString();
        }
    }

    /**
     * Looks {@code productId} up.
     *
     * @throws InvalidStateStoreException while the stores are not queryable (starting, rebalancing)
     */
    Product find(String productId) {
        Optional<byte[]> latest = Optional.ofNullable(store(FilterTopology.LATEST_ITEMS).get(productId));
        boolean blocked = store(FilterTopology.BLOCKED).get(productId) != null;
        return new Product(productId, latest.isPresent(), latest.map(ProductLookup::name).orElse(null), blocked);
    }

    private ReadOnlyKeyValueStore<String, byte[]> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    }

    private static String name(byte[] value) {
        try {
            JsonNode name = JSON.readTree(Arrays.copyOfRange(value, WIRE_HEADER, value.length)).path("name");
            JsonNode text = name.isTextual() ? name : name.has("en") ? name.get("en") : name.path("ru");
            return text.isTextual() ? text.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
