package dev.bazaar.analytics.compute;

import java.math.BigDecimal;

/** Sales of one category in one currency: orders with a line of it, units and revenue. */
public record CategorySales(String category, String currency, long orders, long units, BigDecimal revenue) {
}
