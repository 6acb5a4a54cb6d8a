package dev.bazaar.client.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A product as client-api shows it: the few fields of its indexed item a shopper needs. */
@Serdeable
public record Product(String id, @Nullable LocalizedText name, @Nullable String category, @Nullable Price price) {
}
