package dev.bazaar.analytics.catalog;

import dev.bazaar.analytics.config.NameLanguage;
import java.util.Objects;

/** What the job needs of a catalog item: its id, category and its two names. */
public record Product(String productId, String category, String nameEn, String nameRu) {

    public Product {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(nameRu, "nameRu");
    }

    public String name(NameLanguage language) {
        return language == NameLanguage.RU ? nameRu : nameEn;
    }
}
