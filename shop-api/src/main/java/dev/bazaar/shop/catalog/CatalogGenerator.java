package dev.bazaar.shop.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible marketplace catalog: the same seed always yields the same products.
 *
 * <p>The project ships its demo data as code instead of files: products in Russian and English over a dozen
 * categories, shaped like the {@code items.json} schema, with prices in roubles, stock, tags, images and
 * specifications. Everything is drawn from the seed (timestamps included, never from the clock), so two runs with
 * one seed produce byte-identical JSON and a different seed produces a different catalog.
 */
public final class CatalogGenerator {

    /** The seed of the catalog the platform publishes by default. */
    public static final long DEFAULT_SEED = 20261123L;
    /** The number of products the platform publishes by default. */
    public static final int DEFAULT_SIZE = 600;

    private final long seed;

    public CatalogGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * A fresh catalog of {@code count} products with ids {@code p-00001} upwards; every call with the same count
     * returns equal products, and the nodes are the caller's to change.
     *
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public List<ObjectNode> products(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Category> plan = Allocation.plan(count, Categories.ALL, rng);
        List<ObjectNode> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            products.add(ProductFactory.build(i, plan.get(i), rng.split()));
        }
        return products;
    }

    /** The category slugs products may carry, e.g. {@code sports}, {@code electronics}, in a fixed order. */
    public List<String> categories() {
        return Categories.ALL.stream().map(Category::slug).toList();
    }
}
