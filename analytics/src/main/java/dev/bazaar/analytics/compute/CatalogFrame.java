package dev.bazaar.analytics.compute;

import dev.bazaar.analytics.catalog.Catalog;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The catalog as a small Spark table ({@code productId, category}), shipped with the query plan. */
public final class CatalogFrame {

    public static final StructType SCHEMA = new StructType()
            .add("productId", DataTypes.StringType, false)
            .add("category", DataTypes.StringType, false);

    private CatalogFrame() {
    }

    public static Dataset<Row> of(SparkSession spark, Catalog catalog) {
        List<Row> rows = catalog.products().stream()
                .map(product -> RowFactory.create(product.productId(), product.category()))
                .toList();
        return spark.createDataFrame(rows, SCHEMA);
    }
}
