package dev.bazaar.shop.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.SplittableRandom;

/** Assembles one product in the shape of the {@code items.json} schema, fields in the schema's order. */
final class ProductFactory {

    private ProductFactory() {
    }

    static ObjectNode build(int index, Category category, SplittableRandom rng) {
        Draft draft = Draft.draw(index, category, rng);
        Text name = Names.name(draft);
        ObjectNode product = JsonNodeFactory.instance.objectNode();
        product.put("productId", draft.productId());
        product.put("sku", draft.sku());
        product.set("name", text(name));
        product.set("description", text(Names.description(draft, rng)));
        product.set("price", Prices.money(draft, rng));
        product.put("category", category.slug());
        product.put("brand", draft.brand());
        product.put("stock", Listing.stock(rng));
        product.set("tags", Listing.tags(draft));
        product.set("images", Listing.images(draft.productId(), name, rng));
        product.set("specifications", Specifications.of(draft, rng));
        product.put("storeId", Listing.store(rng));
        Instant created = Timeline.created(rng);
        product.put("createdAt", created.toString());
        product.put("updatedAt", Timeline.updated(created, rng).toString());
        return product;
    }

    private static ObjectNode text(Text text) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ru", text.ru());
        node.put("en", text.en());
        return node;
    }
}
