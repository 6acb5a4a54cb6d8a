package dev.bazaar.shop.catalog;

import java.util.List;

/**
 * A catalog category and everything needed to fill it with believable products.
 *
 * @param slug the English slug published as the product's {@code category}, e.g. {@code sports}
 * @param skuPrefix three letters that start the SKU of each product of the category
 * @param share the category's weight in the catalog mix, in percent of all products
 */
record Category(String slug, Text title, String skuPrefix, int share, Naming naming, List<String> brands,
        List<Kind> kinds, Copy copy, Traits traits) {

    Category {
        brands = List.copyOf(brands);
        kinds = List.copyOf(kinds);
        if (share < 1 || brands.isEmpty() || kinds.isEmpty()) {
            throw new IllegalArgumentException("the category " + slug + " needs a share, brands and kinds");
        }
    }
}
