package dev.bazaar.client.catalog;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps indexed items (documents of the search sink: the item JSON of setup/schemas/items.json, id
 * = productId) to {@link Product}s. Lenient: a field an item lacks stays null rather than failing
 * the whole answer.
 */
public final class Products {

    /** The source fields the mapping reads: Elasticsearch returns only these. */
    public static final List<String> SOURCE_FIELDS = List.of("productId", "name", "category", "price");

    private Products() {
    }

    /** The product of document {@code id} with source {@code source}. */
    public static Product from(String id, JsonNode source) {
        JsonNode name = source.path("name");
        LocalizedText text = name.isObject() ? new LocalizedText(text(name, "ru"), text(name, "en")) : null;
        JsonNode price = source.path("price");
        Price amount = price.path("amount").isNumber()
                ? new Price(price.path("amount").decimalValue(), text(price, "currency")) : null;
        return new Product(id, text, text(source, "category"), amount);
    }

    /** A page of search hits: the total matching and the products of this page, in their order. */
    public static SearchHits from(HitsMetadata<JsonNode> hits) {
        List<Product> products = new ArrayList<>();
        for (Hit<JsonNode> hit : hits.hits()) {
            products.add(from(hit.id(), hit.source() == null ? MissingNode.getInstance() : hit.source()));
        }
        TotalHits total = hits.total();
        return new SearchHits(total == null ? products.size() : total.value(), products);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
