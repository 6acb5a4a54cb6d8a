package dev.bazaar.shop.catalog;

/**
 * One option of a kind of goods (a size, a capacity, a weight): it ends the product name and is recorded as the
 * specification {@code specKey}, so the name and the specifications never disagree.
 */
record Variant(Text label, String specKey, Object specValue) {

    /** Shorthand that keeps the catalog word lists readable. */
    static Variant v(String ru, String en, String specKey, Object specValue) {
        return new Variant(new Text(ru, en), specKey, specValue);
    }
}
