package dev.bazaar.client.recommend;

import dev.bazaar.client.catalog.LocalizedText;
import dev.bazaar.client.catalog.Price;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A recommended product as a shopper sees it: its place in the list shown (1 is the best), what it
 * is from the catalog index, and why the analytics job recommends it.
 */
@Serdeable
public record RecommendedProduct(int rank, String productId, @Nullable LocalizedText name, @Nullable String category,
        @Nullable Price price, String reason, double score) {
}
