package dev.bazaar.analytics.compute;

import static org.apache.spark.sql.functions.countDistinct;

import dev.bazaar.analytics.catalog.Catalog;
import dev.bazaar.analytics.orders.OrderReader;
import dev.bazaar.analytics.orders.Orders;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The Spark part of a run: order files and the catalog in, recommendations and the sales report out. */
public final class Analysis {

    private final SparkSession spark;
    private final Recommender recommender;
    private final SalesReporter reporter;

    public Analysis(SparkSession spark, Recommender recommender, SalesReporter reporter) {
        this.spark = spark;
        this.recommender = recommender;
        this.reporter = reporter;
    }

    /**
     * What the run computed. The recommendations are a lazy dataset, computed while they are
     * published; closing the result releases the cached orders.
     */
    public record Result(Orders orders, long periodOrders, long products, long customers,
            Dataset<Row> recommendations, SalesReport report) implements AutoCloseable {

        @Override
        public void close() {
            orders.close();
        }
    }

    /** Analyses the orders in {@code files} (see {@code OrderFiles}) over {@code period}. */
    public Result analyse(List<String> files, Catalog catalog, Period period, Instant generatedAt) {
        Orders orders = new OrderReader(spark).read(files);
        Dataset<Row> catalogFrame = CatalogFrame.of(spark, catalog);
        Row counts = orders.purchases(period.from(), period.to())
                .agg(countDistinct("orderId"), countDistinct("productId")).first();
        long customers = orders.customers().count();
        SalesReport report = reporter.report(orders, period, catalog, catalogFrame, generatedAt);
        return new Result(orders, counts.getLong(0), counts.getLong(1), customers,
                recommender.recommend(orders, period, catalogFrame), report);
    }
}
