package dev.bazaar.shop.catalog;

import static dev.bazaar.shop.catalog.Text.t;
import static dev.bazaar.shop.catalog.Variant.v;

import java.util.List;

/** Colors, countries and size runs several categories share, written once. */
final class Vocabulary {

    static final Text BLACK = t("чёрный", "black");
    static final Text WHITE = t("белый", "white");
    static final Text GREY = t("серый", "grey");
    static final Text BLUE = t("синий", "blue");
    static final Text NAVY = t("тёмно-синий", "navy");
    static final Text RED = t("красный", "red");
    static final Text GREEN = t("зелёный", "green");
    static final Text PINK = t("розовый", "pink");
    static final Text BEIGE = t("бежевый", "beige");
    static final Text BROWN = t("коричневый", "brown");
    static final Text YELLOW = t("жёлтый", "yellow");
    static final Text ORANGE = t("оранжевый", "orange");
    static final Text SILVER = t("серебристый", "silver");

    static final Text RUSSIA = t("Россия", "Russia");
    static final Text CHINA = t("Китай", "China");
    static final Text TURKEY = t("Турция", "Turkey");
    static final Text VIETNAM = t("Вьетнам", "Vietnam");

    static final Text PLASTIC = t("пластик", "plastic");
    static final Text GLASS = t("стекло", "glass");
    static final Text CARDBOARD = t("картон", "cardboard");

    /** Letter sizes of clothes and pet beds; a size never changes the price. */
    static final List<Variant> LETTER_SIZES = List.of(
            v("размер S", "size S", "size", "S"), v("размер M", "size M", "size", "M"),
            v("размер L", "size L", "size", "L"), v("размер XL", "size XL", "size", "XL"));

    /** European shoe sizes. */
    static final List<Variant> SHOE_SIZES = List.of(
            v("размер 38", "size 38", "size_eu", 38), v("размер 40", "size 40", "size_eu", 40),
            v("размер 42", "size 42", "size_eu", 42), v("размер 44", "size 44", "size_eu", 44));

    /** Book editions, cheapest first. */
    static final List<Variant> COVERS = List.of(
            v("мягкая обложка", "paperback", "cover", "paperback"),
            v("твёрдый переплёт", "hardcover", "cover", "hardcover"),
            v("подарочное издание", "gift edition", "cover", "gift edition"));

    private Vocabulary() {
    }
}
