package dev.bazaar.analytics.compute;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.bazaar.analytics.orders.Orders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Ranks products for every customer. Candidates are the catalog products someone bought in the period
 * that the customer never bought (in any order that was not cancelled, at any time). A customer with
 * at least {@code minOrders} orders in the period gets a blend of three signals, each within [0, 1]:
 * <ul>
 *   <li>co-purchase: for each product the customer bought in the period, how many other customers
 *       bought both it and the candidate, summed, relative to the customer's best candidate;</li>
 *   <li>category affinity: the share of the units the customer bought in the period that are in the
 *       candidate's category;</li>
 *   <li>popularity: customers who bought the candidate in the period, relative to the most bought product.</li>
 * </ul>
 * score = 0.5 co-purchase + 0.3 affinity + 0.2 popularity, and the reason is the signal that
 * contributes most (co-purchase before category affinity before popular on a tie). Other customers
 * get score = popularity, reason popular. Scores are rounded to six decimals; ties rank by buyers,
 * then product id. Everything runs as Spark SQL expressions (no user code on executors).
 */
public final class Recommender {

    public static final double CO_PURCHASE_WEIGHT = 0.5;
    public static final double CATEGORY_WEIGHT = 0.3;
    public static final double POPULARITY_WEIGHT = 0.2;
    private static final int SCORE_DIGITS = 6;
    private static final String CUSTOMER = "customer";
    private static final String PRODUCT = "productId";
    private static final String CATEGORY = "category";

    private final int limit;
    private final int minOrders;

    /** At most {@code limit} products per customer; personal signals from {@code minOrders} orders in the period. */
    public Recommender(int limit, int minOrders) {
        this.limit = limit;
        this.minOrders = minOrders;
    }

    /**
     * One row per customer of {@code orders}: {@code customer, recommendations}, the latter an array of
     * {@code (rank, productId, score, reason)} sorted by rank, or null when nothing can be recommended.
     * {@code catalog} has the columns {@code productId, category}.
     */
    public Dataset<Row> recommend(Orders orders, Period period, Dataset<Row> catalog) {
        Dataset<Row> recent = orders.purchases(period.from(), period.to());
        Dataset<Row> units = recent.groupBy(CUSTOMER, PRODUCT).agg(sum("quantity").as("units"));
        Dataset<Row> bought = orders.purchases().select(CUSTOMER, PRODUCT).distinct();
        Dataset<Row> scored = orders.customers()
                .crossJoin(candidates(units, catalog))
                .join(bought, new String[] {CUSTOMER, PRODUCT}, "left_anti")
                .join(coPurchases(units), new String[] {CUSTOMER, PRODUCT}, "left")
                .join(affinity(units, catalog), new String[] {CUSTOMER, CATEGORY}, "left")
                .join(recent.groupBy(CUSTOMER).agg(countDistinct("orderId").as("orders")), new String[] {CUSTOMER},
                        "left");
        Dataset<Row> lists = rank(score(scored)).groupBy(CUSTOMER).agg(array_sort(collect_list(
                struct(col("rank"), col(PRODUCT), col("score"), col("reason")))).as("recommendations"));
        return orders.customers().join(lists, new String[] {CUSTOMER}, "left");
    }

    /** The list a row of {@link #recommend} holds. */
    public static CustomerRecommendations fromRow(Row row) {
        List<Recommendation> list = new ArrayList<>();
        List<Row> entries = row.isNullAt(1) ? List.of() : row.getList(1);
        for (Row entry : entries) {
            list.add(new Recommendation(entry.getInt(0), entry.getString(1), entry.getDouble(2),
                    Reason.ofLabel(entry.getString(3))));
        }
        return new CustomerRecommendations(row.getString(0), list);
    }

    /**
     * The lists of {@code recommendations} (a result of {@link #recommend}) streamed to the driver one
     * partition at a time, so the driver never holds every customer's list at once.
     */
    public static Iterator<CustomerRecommendations> stream(Dataset<Row> recommendations) {
        Iterator<Row> rows = recommendations.toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public CustomerRecommendations next() {
                return fromRow(rows.next());
            }
        };
    }

    /** Catalog products bought in the period: {@code productId, category, buyers, popularity}. */
    private static Dataset<Row> candidates(Dataset<Row> units, Dataset<Row> catalog) {
        Dataset<Row> buyers = units.groupBy(PRODUCT).agg(count(lit(1)).as("buyers"))
                .join(catalog.select(PRODUCT, CATEGORY), PRODUCT);
        return buyers.crossJoin(buyers.agg(max("buyers").as("mostBuyers")))
                .withColumn("popularity", col("buyers").divide(col("mostBuyers")))
                .drop("mostBuyers");
    }

    /** For (customer, product): over the customer's products, other customers who bought both, summed. */
    private static Dataset<Row> coPurchases(Dataset<Row> units) {
        Dataset<Row> mine = units.select(col(CUSTOMER), col(PRODUCT).as("bought"));
        Dataset<Row> others = units.select(col(CUSTOMER).as("other"), col(PRODUCT).as("bought"));
        Dataset<Row> theirs = units.select(col(CUSTOMER).as("other"), col(PRODUCT));
        return mine.join(others, "bought").where(col(CUSTOMER).notEqual(col("other")))
                .join(theirs, "other")
                .groupBy(CUSTOMER, PRODUCT).agg(count(lit(1)).as("coPurchases"));
    }

    /** For (customer, category): the share of the customer's units in the period that are in the category. */
    private static Dataset<Row> affinity(Dataset<Row> units, Dataset<Row> catalog) {
        Dataset<Row> totals = units.groupBy(CUSTOMER).agg(sum("units").as("total"));
        return units.join(catalog.select(PRODUCT, CATEGORY), PRODUCT)
                .groupBy(CUSTOMER, CATEGORY).agg(sum("units").as("categoryUnits"))
                .join(totals, CUSTOMER)
                .select(col(CUSTOMER), col(CATEGORY), col("categoryUnits").divide(col("total")).as("affinity"));
    }

    private Dataset<Row> score(Dataset<Row> scored) {
        Column personal = coalesce(col("orders"), lit(0)).geq(minOrders);
        Column bestCoPurchase = max("coPurchases").over(Window.partitionBy(CUSTOMER));
        Column coPurchase = coalesce(col("coPurchases").divide(bestCoPurchase), lit(0.0));
        return scored
                .withColumn("co", when(personal, coPurchase.multiply(CO_PURCHASE_WEIGHT)).otherwise(0.0))
                .withColumn("cat", when(personal, coalesce(col("affinity"), lit(0.0)).multiply(CATEGORY_WEIGHT))
                        .otherwise(0.0))
                .withColumn("pop", when(personal, col("popularity").multiply(POPULARITY_WEIGHT))
                        .otherwise(col("popularity")))
                .withColumn("score", round(col("co").plus(col("cat")).plus(col("pop")), SCORE_DIGITS))
                .withColumn("reason", reason());
    }

    private static Column reason() {
        Column co = col("co");
        Column cat = col("cat");
        Column pop = col("pop");
        return when(co.gt(0).and(co.geq(cat)).and(co.geq(pop)), Reason.CO_PURCHASE.label())
                .when(cat.gt(0).and(cat.geq(pop)), Reason.CATEGORY_AFFINITY.label())
                .otherwise(Reason.POPULAR.label());
    }

    private Dataset<Row> rank(Dataset<Row> scored) {
        return scored.withColumn("rank", row_number().over(Window.partitionBy(CUSTOMER)
                        .orderBy(desc("score"), desc("buyers"), asc(PRODUCT))))
                .where(col("rank").leq(limit));
    }
}
