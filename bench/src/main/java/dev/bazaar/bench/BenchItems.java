package dev.bazaar.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.shop.catalog.CatalogGenerator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The catalog's items padded to about 1 KB of JSON: the record every benchmark moves. */
final class BenchItems {

    static final int RECORD_SIZE = 1024;

    private BenchItems() {
    }

    /** The seeded catalog, each item padded to {@link #RECORD_SIZE} bytes of JSON. */
    static List<ObjectNode> catalog() {
        return new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(CatalogGenerator.DEFAULT_SIZE).stream()
                .map(BenchItems::padded).toList();
    }

    private static ObjectNode padded(ObjectNode item) {
        ObjectNode copy = item.deepCopy();
        int size = copy.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size < RECORD_SIZE) {
            ObjectNode description = (ObjectNode) copy.path("description");
            String en = description.path("en").asText("") + " " + "x".repeat(RECORD_SIZE - size - 1);
            description.put("en", en);
            description.put("ru", description.path("ru").asText("-"));
        }
        return copy;
    }
}
