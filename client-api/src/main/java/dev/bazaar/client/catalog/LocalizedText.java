package dev.bazaar.client.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A product's text in Russian and English, as the items schema has it. */
@Serdeable
public record LocalizedText(@Nullable String ru, @Nullable String en) {

    /** The text in {@code language} ({@code ru} or {@code en}), falling back to the other one. */
    public String in(String language) {
        String preferred = "en".equals(language) ? en : ru;
        String other = "en".equals(language) ? ru : en;
        return preferred != null ? preferred : other;
    }
}
