package dev.bazaar.client.catalog;

import java.util.List;

/** One page of a search of the catalog: how many products match in all, and this page of them. */
public record SearchHits(long total, List<Product> products) {

    public SearchHits {
        products = List.copyOf(products);
    }
}
