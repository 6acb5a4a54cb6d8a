package dev.bazaar.shop.catalog;

import java.util.List;

/** The catalog's categories in a fixed order, so the order of {@link CatalogGenerator#categories()} is stable. */
final class Categories {

    static final List<Category> ALL = List.of(
            LeisureGoods.SPORTS, TechGoods.ELECTRONICS, TechGoods.SMARTPHONES, HomeGoods.HOME, LeisureGoods.BOOKS,
            LeisureGoods.TOYS, HomeGoods.BEAUTY, ApparelGoods.CLOTHING, ApparelGoods.SHOES, HomeGoods.GARDEN,
            TechGoods.AUTO, LeisureGoods.PETS);

    private Categories() {
    }
}
