package dev.bazaar.analytics.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The storefront catalog at the time of a run: the latest item of every product in
 * {@code filtered-items} that was not removed by a tombstone. A product that is absent was blocked
 * (or never published), so it may be neither recommended nor named.
 */
public final class Catalog {

    private final Map<String, Product> products;

    public Catalog(Map<String, Product> products) {
        this.products = Map.copyOf(products);
    }

    public static Catalog of(Collection<Product> products) {
        Map<String, Product> byId = new TreeMap<>();
        products.forEach(product -> byId.put(product.productId(), product));
        return new Catalog(byId);
    }

    public Optional<Product> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    public Collection<Product> products() {
        return new TreeMap<>(products).values();
    }

    public int size() {
        return products.size();
    }
}
