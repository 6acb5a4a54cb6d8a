package dev.bazaar.shop.catalog;

import java.util.List;

/**
 * A kind of goods within a category, e.g. adjustable dumbbells: its own price and weight range, material, selling
 * point, search tags and variants, so that generated products look like what a real shop lists.
 *
 * @param material what the item is made of, or {@code null} where that means nothing (pet food)
 */
record Kind(Text name, Range price, Range weightKg, Text material, Text feature, List<Text> tags,
        List<Variant> variants) {

    Kind {
        tags = List.copyOf(tags);
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("the kind " + name.en() + " needs at least one variant");
        }
    }
}
