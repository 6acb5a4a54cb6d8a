package dev.bazaar.analytics;

import dev.bazaar.analytics.config.AnalyticsConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the job's Spark session. Settings spark-submit passes ({@code spark.*} system properties)
 * are kept unless the matching {@code analytics.spark.*} key was given; the defaults suit one
 * machine: local[2], the driver on loopback, no web UI, any free ports, few shuffle partitions.
 */
public final class SparkSessions {

    static final String APP_NAME = "bazaar-analytics";
    private static final String LOOPBACK = "127.0.0.1";

    private SparkSessions() {
    }

    /** The session for {@code config}; {@code env} is checked for SPARK_LOCAL_IP when the UI is on. */
    public static SparkSession start(AnalyticsConfig config, Map<String, String> env) {
        return SparkSession.builder().config(conf(config, env)).getOrCreate();
    }

    /** The Spark configuration {@link #start} uses. */
    static SparkConf conf(AnalyticsConfig config, Map<String, String> env) {
        SparkConf conf = new SparkConf();
        String master = config.isSet(AnalyticsConfig.SPARK_MASTER) || !conf.contains("spark.master")
                ? config.sparkMaster() : conf.get("spark.master");
        boolean local = master.startsWith("local");
        conf.setMaster(master);
        conf.setIfMissing("spark.app.name", APP_NAME);
        if (local) {
            // the job's executors run in this JVM: nothing needs to reach the driver from another host
            conf.set("spark.driver.host", LOOPBACK);
            conf.set("spark.driver.bindAddress", LOOPBACK);
        }
        put(conf, config, AnalyticsConfig.SPARK_UI_ENABLED, "spark.ui.enabled", config.sparkUiEnabled());
        put(conf, config, AnalyticsConfig.SPARK_UI_PORT, "spark.ui.port", config.sparkUiPort());
        put(conf, config, AnalyticsConfig.SPARK_DRIVER_PORT, "spark.driver.port", config.sparkDriverPort());
        put(conf, config, AnalyticsConfig.SPARK_BLOCK_MANAGER_PORT, "spark.blockManager.port",
                config.sparkBlockManagerPort());
        put(conf, config, AnalyticsConfig.SPARK_SHUFFLE_PARTITIONS, "spark.sql.shuffle.partitions",
                config.sparkShufflePartitions());
        conf.set("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (local && conf.getBoolean("spark.ui.enabled", true) && blank(env.get("SPARK_LOCAL_IP"))) {
            throw new ConfigException(AnalyticsConfig.SPARK_UI_ENABLED, true, "the Spark UI would listen on every "
                    + "interface: set SPARK_LOCAL_IP=127.0.0.1 (./bazaar and the scheduler do) or leave the UI off");
        }
        return conf;
    }

    private static void put(SparkConf conf, AnalyticsConfig config, String key, String sparkKey, Object value) {
        if (config.isSet(key)) {
            conf.set(sparkKey, String.valueOf(value));
        } else {
            conf.setIfMissing(sparkKey, String.valueOf(value));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
