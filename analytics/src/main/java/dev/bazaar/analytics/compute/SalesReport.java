package dev.bazaar.analytics.compute;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One run's sales report: per category, and the best-selling products, for a period. */
public record SalesReport(String reportId, Period period, Instant generatedAt, List<CategorySales> categories,
        List<ProductSales> topProducts) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public SalesReport {
        categories = List.copyOf(categories);
        topProducts = List.copyOf(topProducts);
    }

    /** The id of the report generated at {@code generatedAt}: {@code sales-20261123T155621Z}. */
    public static String idAt(Instant generatedAt) {
        return "sales-" + ID_TIME.format(generatedAt);
    }
}
