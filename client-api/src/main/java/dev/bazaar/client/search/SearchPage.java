package dev.bazaar.client.search;

import dev.bazaar.client.catalog.Product;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to a search: one page of matching products, how many match in all, and the id of the
 * search's record on {@code client-search}.
 */
@Serdeable
public record SearchPage(String searchId, String query, String user, int page, int pageSize, long total,
        List<Product> results) {
}
