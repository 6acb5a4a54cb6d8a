package dev.bazaar.analytics.compute;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.bazaar.analytics.catalog.Catalog;
import dev.bazaar.analytics.catalog.Product;
import dev.bazaar.analytics.config.NameLanguage;
import dev.bazaar.analytics.orders.Orders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sums the period's sales: per category (orders with a line of it, units, revenue = quantity × unit
 * price) and the best-selling products by revenue. Products missing from the catalog (blocked or
 * unknown) are sold all the same: their lines count under {@value #UNCATEGORIZED} and they are named by
 * their id. Amounts of different currencies are never added: each category and product is reported
 * once per currency it was sold in (the shop sells in RUB only, so once).
 */
public final class SalesReporter {

    /** The category of sales of products the catalog does not hold. */
    public static final String UNCATEGORIZED = "uncategorized";

    private final int topProducts;
    private final NameLanguage language;

    public SalesReporter(int topProducts, NameLanguage language) {
        this.topProducts = topProducts;
        this.language = language;
    }

    /** The report of {@code period}; {@code catalogFrame} is {@code catalog} as columns {@code productId, category}. */
    public SalesReport report(Orders orders, Period period, Catalog catalog, Dataset<Row> catalogFrame,
            Instant generatedAt) {
        Dataset<Row> sold = orders.purchases(period.from(), period.to())
                .join(catalogFrame.select("productId", "category"), new String[] {"productId"}, "left")
                .withColumn("category", coalesce(col("category"), lit(UNCATEGORIZED)))
                .withColumn("revenue", col("quantity").multiply(col("amount")));
        List<CategorySales> categories = sold.groupBy("category", "currency")
                .agg(countDistinct("orderId").as("orders"), sum("quantity").as("units"), sum("revenue").as("revenue"))
                .orderBy(desc("revenue"), asc("category"), asc("currency"))
                .collectAsList().stream()
                .map(row -> new CategorySales(row.getString(0), row.getString(1), row.getLong(2), row.getLong(3),
                        money(row.getDecimal(4))))
                .toList();
        List<ProductSales> top = sold.groupBy("productId", "currency")
                .agg(sum("quantity").as("units"), sum("revenue").as("revenue"))
                .orderBy(desc("revenue"), desc("units"), asc("productId"), asc("currency"))
                .limit(topProducts)
                .collectAsList().stream()
                .map(row -> new ProductSales(row.getString(0), name(catalog, row.getString(0)), row.getString(1),
                        row.getLong(2), money(row.getDecimal(3))))
                .toList();
        return new SalesReport(SalesReport.idAt(generatedAt), period, generatedAt, categories, top);
    }

    private String name(Catalog catalog, String productId) {
        return catalog.product(productId).map((Product product) -> product.name(language)).orElse(productId);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
