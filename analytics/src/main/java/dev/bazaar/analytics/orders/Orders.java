package dev.bazaar.analytics.orders;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The orders of one run: the latest version of every valid order (cancelled ones included, so their
 * customers are known), and what reading them found. Its purchases are the lines of the orders that
 * were not cancelled.
 */
public final class Orders implements AutoCloseable {

    /** Columns of {@link #latest()}. */
    public static final StructType LATEST = new StructType()
            .add("orderId", DataTypes.StringType)
            .add("customer", DataTypes.StringType)
            .add("state", DataTypes.StringType)
            .add("createdAt", DataTypes.TimestampType)
            .add("items", DataTypes.createArrayType(OrderRules.LINE));

    private final Dataset<Row> latest;
    private final long lines;
    private final long invalid;
    private final long orders;
    private final long cancelled;

    Orders(Dataset<Row> latest, long lines, long invalid) {
        this.latest = latest;
        this.lines = lines;
        this.invalid = invalid;
        this.orders = latest.count();
        this.cancelled = orders == 0 ? 0 : latest.where(col("state").equalTo(OrderRules.CANCELLED)).count();
    }

    public Dataset<Row> latest() {
        return latest;
    }

    /**
     * One row per line of every order not cancelled: {@code orderId, customer, createdAt (timestamp),
     * productId, quantity, amount (unit price), currency}.
     */
    public Dataset<Row> purchases() {
        return latest.where(col("state").notEqual(OrderRules.CANCELLED))
                .select(col("orderId"), col("customer"), col("createdAt"), explode(col("items")).as("item"))
                .select(col("orderId"), col("customer"), col("createdAt"), col("item.productId").as("productId"),
                        col("item.quantity").as("quantity"), col("item.unitPrice.amount").as("amount"),
                        col("item.unitPrice.currency").as("currency"));
    }

    /** {@link #purchases()} of orders created within {@code [from, to)}. */
    public Dataset<Row> purchases(Instant from, Instant to) {
        return purchases().where(col("createdAt").geq(Timestamp.from(from))
                .and(col("createdAt").lt(Timestamp.from(to))));
    }

    /** Every customer with a valid order, whatever its state and date: each gets fresh recommendations. */
    public Dataset<Row> customers() {
        return latest.select("customer").distinct();
    }

    /** Non-blank lines read. */
    public long lines() {
        return lines;
    }

    /** Lines that were not valid orders (not JSON, a required field missing or malformed). */
    public long invalid() {
        return invalid;
    }

    /** Distinct valid orders, each counted once whatever number of versions it had. */
    public long orders() {
        return orders;
    }

    /** Of {@link #orders()}, those whose latest version is cancelled. */
    public long cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        latest.unpersist();
    }
}
