package dev.bazaar.shop.catalog;

import java.util.List;

/**
 * What products of a category share beyond their kind.
 *
 * @param colors colors on offer, empty where color means nothing (books, food)
 * @param warrantyMonths warranty terms on offer, empty where goods carry none
 * @param specs further specifications every product of the category has
 * @param priceByVariant whether a later variant costs more (a bigger TV does; a bigger T-shirt size does not)
 */
record Traits(List<Text> colors, List<Integer> warrantyMonths, List<Spec> specs, boolean priceByVariant) {

    Traits {
        colors = List.copyOf(colors);
        warrantyMonths = List.copyOf(warrantyMonths);
        specs = List.copyOf(specs);
    }
}
