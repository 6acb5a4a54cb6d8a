package dev.bazaar.shop.catalog;

import java.util.Objects;

/** A phrase in Russian and English, because every text a marketplace customer reads is bilingual. */
record Text(String ru, String en) {

    Text {
        Objects.requireNonNull(ru, "ru");
        Objects.requireNonNull(en, "en");
    }

    /** Shorthand that keeps the catalog word lists readable. */
    static Text t(String ru, String en) {
        return new Text(ru, en);
    }

    /** Both languages in one value, e.g. "чугун / cast iron", the way specification values are shown. */
    String both() {
        return ru + " / " + en;
    }
}
