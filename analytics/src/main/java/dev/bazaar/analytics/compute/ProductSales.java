package dev.bazaar.analytics.compute;

import java.math.BigDecimal;

/** Sales of one product in one currency, named as the catalog names it (or by its id when it is not there). */
public record ProductSales(String productId, String name, String currency, long units, BigDecimal revenue) {
}
