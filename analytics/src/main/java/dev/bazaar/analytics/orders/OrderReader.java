package dev.bazaar.analytics.orders;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns order files into the orders the job counts: each line parsed against the order schema, lines
 * that are not valid orders counted and dropped, and of each order only its latest version (an order
 * is republished on every state change). Files are read as text, so no partition column is inferred
 * from {@code customer=…} folders and a bad line cannot fail the read.
 */
public final class OrderReader {

    private static final Logger log = LoggerFactory.getLogger(OrderReader.class);

    private final SparkSession spark;

    public OrderReader(SparkSession spark) {
        this.spark = spark;
    }

    /** Reads {@code files} (see {@link OrderFiles#list}); the result's datasets are cached until {@link Orders#close()}. */
    public Orders read(List<String> files) {
        if (files.isEmpty()) {
            return new Orders(spark.createDataFrame(List.of(), Orders.LATEST), 0, 0);
        }
        Dataset<Row> parsed = spark.read().option("recursiveFileLookup", "true").text(files.toArray(String[]::new))
                .where(trim(col("value")).notEqual(""))
                .select(from_json(col("value"), OrderRules.ORDER, Map.of("mode", "PERMISSIVE")).as("order"))
                .select("order.*")
                .withColumn("createdTs", col("createdAt").try_cast(DataTypes.TimestampType))
                .withColumn("updatedTs", col("updatedAt").try_cast(DataTypes.TimestampType))
                .withColumn("valid", OrderRules.valid());
        Row counts = parsed.agg(count(lit(1)), count_if(not(col("valid")))).first();
        Dataset<Row> latest = latestVersions(parsed.where(col("valid"))).persist(StorageLevel.MEMORY_AND_DISK());
        Orders orders = new Orders(latest, counts.getLong(0), counts.getLong(1));
        log.info("{} line(s) in {} file(s): {} invalid; {} order(s), {} cancelled", orders.lines(), files.size(),
                orders.invalid(), orders.orders(), orders.cancelled());
        return orders;
    }

    /**
     * The latest version of each order: the greatest {@code updatedAt}, and on a tie the state further
     * along (created, paid, shipped, delivered, cancelled).
     */
    static Dataset<Row> latestVersions(Dataset<Row> orders) {
        Column version = struct(col("updatedTs"), stateRank());
        Column order = struct(col("orderId"), col("customer"), col("state"), col("createdTs").as("createdAt"),
                col("items"));
        return orders.groupBy("orderId").agg(max_by(order, version).as("latest")).select("latest.*");
    }

    private static Column stateRank() {
        Column rank = lit(-1);
        for (int i = OrderRules.STATES.size() - 1; i >= 0; i--) {
            rank = when(col("state").equalTo(OrderRules.STATES.get(i)), i).otherwise(rank);
        }
        return rank;
    }
}
