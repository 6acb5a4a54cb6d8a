package dev.bazaar.analytics.orders;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.forall;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What makes a line of an order file an order the job can use: the shape of
 * {@code setup/schemas/orders.json} as a Spark schema, and a check of the fields the job reads,
 * including the patterns of the ids it publishes again (a customer name that broke the
 * recommendations schema would fail the whole publication). A test keeps the patterns equal to the
 * schema's.
 */
public final class OrderRules {

    /** orderId, productId and storeId in orders.json. */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$";
    /** customer in orders.json. */
    public static final String CUSTOMER_PATTERN = "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$";
    /** currency of money in orders.json. */
    public static final String CURRENCY_PATTERN = "^[A-Z]{3}$";
    /** The states of an order; {@link #CANCELLED} orders count for nothing. */
    public static final List<String> STATES = List.of("created", "paid", "shipped", "delivered", "cancelled");
    public static final String CANCELLED = "cancelled";

    /** Amounts as orders.json allows them: at most two decimal places. */
    public static final DataType AMOUNT = DataTypes.createDecimalType(20, 2);
    private static final StructType MONEY = new StructType()
            .add("amount", AMOUNT)
            .add("currency", DataTypes.StringType);
    /** One order line. */
    public static final StructType LINE = new StructType()
            .add("productId", DataTypes.StringType)
            .add("quantity", DataTypes.LongType)
            .add("unitPrice", MONEY);
    /** One order as JSON; timestamps stay text here and are parsed with a check. */
    public static final StructType ORDER = new StructType()
            .add("orderId", DataTypes.StringType)
            .add("customer", DataTypes.StringType)
            .add("storeId", DataTypes.StringType)
            .add("items", DataTypes.createArrayType(LINE))
            .add("total", MONEY)
            .add("state", DataTypes.StringType)
            .add("createdAt", DataTypes.StringType)
            .add("updatedAt", DataTypes.StringType);

    private OrderRules() {
    }

    /**
     * True for a parsed order whose every required field is present and well formed, given its
     * timestamps parsed into {@code createdTs} and {@code updatedTs}; false (never null) otherwise.
     */
    public static Column valid() {
        Column ids = col("orderId").rlike(ID_PATTERN)
                .and(col("storeId").rlike(ID_PATTERN))
                .and(col("customer").rlike(CUSTOMER_PATTERN))
                .and(col("state").isin(STATES.toArray()));
        Column times = col("createdTs").isNotNull().and(col("updatedTs").isNotNull());
        Column total = money(col("total"));
        Column items = size(col("items")).geq(1).and(forall(col("items"), item -> item.getField("productId")
                .rlike(ID_PATTERN)
                .and(item.getField("quantity").geq(1))
                .and(money(item.getField("unitPrice")))));
        return coalesce(ids.and(times).and(total).and(items), lit(false));
    }

    private static Column money(Column money) {
        return money.getField("amount").gt(0).and(money.getField("currency").rlike(CURRENCY_PATTERN));
    }
}
