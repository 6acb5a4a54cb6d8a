package dev.bazaar.analytics;

import dev.bazaar.analytics.config.AnalyticsConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test JVM, made the way a run makes it (two threads, two shuffle
 * partitions, loopback, no UI), started by the first test that needs it and stopped by Spark's own
 * shutdown hook. Sharing it keeps the tests to one session start on a small machine.
 */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            AnalyticsConfig config = new AnalyticsConfig(Map.of(AnalyticsConfig.SPARK_SHUFFLE_PARTITIONS, "2"));
            session = SparkSessions.start(config, Map.of());
        }
        return session;
    }
}
