package dev.bazaar.analytics.compute;

import java.util.Locale;

/** Why a product is recommended, as the recommendations schema names it. */
public enum Reason {
    /** Customers who bought what this customer bought also bought it. */
    CO_PURCHASE,
    /** It is in a category this customer buys a large share of. */
    CATEGORY_AFFINITY,
    /** Many customers bought it. */
    POPULAR;

    /** The schema's name: {@code co-purchase}, {@code category-affinity}, {@code popular}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Reason ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String toString() {
        return label();
    }
}
