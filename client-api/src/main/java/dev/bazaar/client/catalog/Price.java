package dev.bazaar.client.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** What one unit costs: an exact amount (never a binary fraction) and its ISO 4217 currency. */
@Serdeable
public record Price(BigDecimal amount, String currency) {
}
