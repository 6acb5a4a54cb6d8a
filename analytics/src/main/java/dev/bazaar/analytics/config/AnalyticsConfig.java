package dev.bazaar.analytics.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the analytics job and its scheduler, typed and checked once at start so a bad value
 * fails with the key's name before Spark or Kafka is touched. Each key can be given as an
 * environment variable ({@code analytics.period} is {@code BAZAAR_ANALYTICS_PERIOD}) or on the
 * command line ({@code --conf analytics.period=P7D}); the command line wins.
 */
public final class AnalyticsConfig extends AbstractConfig {

    private static final String INPUT_GROUP = "Input";
    private static final String RECOMMENDATIONS_GROUP = "Recommendations";
    private static final String REPORT_GROUP = "Sales report";
    private static final String KAFKA_GROUP = "Kafka";
    private static final String SPARK_GROUP = "Spark";
    private static final String SCHEDULER_GROUP = "Scheduler";

    /** The prefix of the environment variables that carry settings. */
    public static final String ENV_PREFIX = "BAZAAR_";

    public static final String ORDERS_PATH = "analytics.orders.path";
    private static final String ORDERS_PATH_DOC = "Folder of the committed order files (JSON lines, one order per "
            + "line, written by the HDFS sink), read recursively; files and folders whose names start with '_' or '.' "
            + "are uncommitted and skipped. A URL with a scheme, e.g. hdfs://127.0.0.1:9020/data/orders or "
            + "file:///tmp/orders. Not set: /data/orders on the platform's HDFS (service.hdfs.url in "
            + "var/endpoints.properties); the run fails naming this key when the platform has no HDFS.";
    private static final String ORDERS_PATH_DEFAULT = "";

    public static final String PERIOD = "analytics.period";
    private static final String PERIOD_DOC = "Length of the period the recommendations and the report are based on: "
            + "orders created within it, up to the start of the run. ISO-8601 (P30D) or 30d, 12h, 90m.";
    private static final String PERIOD_DEFAULT = "P30D";

    public static final String RECOMMENDATIONS_MAX = "analytics.recommendations.max";
    private static final String RECOMMENDATIONS_MAX_DOC = "Most products recommended to one customer.";
    private static final int RECOMMENDATIONS_MAX_DEFAULT = 10;

    public static final String RECOMMENDATIONS_MIN_ORDERS = "analytics.recommendations.min.orders";
    private static final String RECOMMENDATIONS_MIN_ORDERS_DOC = "Orders in the period a customer needs for "
            + "personal recommendations (co-purchases, category affinity); customers with fewer get the products "
            + "most customers bought (reason popular).";
    private static final int RECOMMENDATIONS_MIN_ORDERS_DEFAULT = 2;

    public static final String REPORT_TOP_PRODUCTS = "analytics.report.top.products";
    private static final String REPORT_TOP_PRODUCTS_DOC = "How many best-selling products (by revenue) the report lists.";
    private static final int REPORT_TOP_PRODUCTS_DEFAULT = 10;

    public static final String REPORT_NAME_LANGUAGE = "analytics.report.name.language";
    private static final String REPORT_NAME_LANGUAGE_DOC = "Which catalog name a top product is shown with: name.en "
            + "or name.ru of its item in filtered-items. A product missing from the catalog (blocked or unknown) is "
            + "shown with its product id.";
    private static final String REPORT_NAME_LANGUAGE_DEFAULT = NameLanguage.DEFAULT.toString();

    public static final String KAFKA_TIMEOUT = "analytics.kafka.timeout";
    private static final String KAFKA_TIMEOUT_DOC = "How long reading the catalog (filtered-items, to its end) and "
            + "getting every published record acknowledged may each take before the run fails.";
    private static final String KAFKA_TIMEOUT_DEFAULT = "60s";

    public static final String SPARK_MASTER = "analytics.spark.master";
    private static final String SPARK_MASTER_DOC = "Spark master. Not set: the master spark-submit passes "
            + "(spark.master), else local[2], Spark inside the job's JVM.";
    private static final String SPARK_MASTER_DEFAULT = "local[2]";

    public static final String SPARK_UI_ENABLED = "analytics.spark.ui.enabled";
    private static final String SPARK_UI_ENABLED_DOC = "Whether the Spark web UI runs during the job. Spark binds it "
            + "to SPARK_LOCAL_IP, and to every interface when that is not set: in local mode the run refuses to "
            + "start it without SPARK_LOCAL_IP (./bazaar and the scheduler set 127.0.0.1).";
    private static final boolean SPARK_UI_ENABLED_DEFAULT = false;

    public static final String SPARK_UI_PORT = "analytics.spark.ui.port";
    private static final String SPARK_UI_PORT_DOC = "Port of the Spark web UI when it is enabled; Spark tries the "
            + "next ports when it is taken. 0: any free port.";
    private static final int SPARK_UI_PORT_DEFAULT = 4040;

    public static final String SPARK_DRIVER_PORT = "analytics.spark.driver.port";
    private static final String SPARK_DRIVER_PORT_DOC = "Port of the Spark driver's RPC endpoint. 0: any free port.";
    private static final int SPARK_DRIVER_PORT_DEFAULT = 0;

    public static final String SPARK_BLOCK_MANAGER_PORT = "analytics.spark.block.manager.port";
    private static final String SPARK_BLOCK_MANAGER_PORT_DOC = "Port of the Spark block manager. 0: any free port.";
    private static final int SPARK_BLOCK_MANAGER_PORT_DEFAULT = 0;

    public static final String SPARK_SHUFFLE_PARTITIONS = "analytics.spark.shuffle.partitions";
    private static final String SPARK_SHUFFLE_PARTITIONS_DOC = "Partitions of every shuffle "
            + "(spark.sql.shuffle.partitions). Small suits one machine; raise it on a cluster.";
    private static final int SPARK_SHUFFLE_PARTITIONS_DEFAULT = 4;

    public static final String EVERY = "analytics.every";
    private static final String EVERY_DOC = "Scheduler: how often the job runs; the first run is one interval after "
            + "the scheduler starts, and a run still going at its next slot makes the scheduler skip that slot.";
    private static final String EVERY_DEFAULT = "5m";

    public static final String JOB_TIMEOUT = "analytics.job.timeout";
    private static final String JOB_TIMEOUT_DOC = "Scheduler: a run still going after this long is killed and "
            + "reported failed.";
    private static final String JOB_TIMEOUT_DEFAULT = "30m";

    public static final String JOB_HEAP = "analytics.job.heap";
    private static final String JOB_HEAP_DOC = "Scheduler: maximum heap of the JVM each run gets (-Xmx), e.g. 1g or "
            + "768m.";
    private static final String JOB_HEAP_DEFAULT = "1g";

    private static final Pattern HEAP = Pattern.compile("\\d{1,6}[kKmMgG]");

    public static final ConfigDef CONFIG_DEF = definition();

    public AnalyticsConfig(Map<String, ?> settings) {
        super(CONFIG_DEF, settings, false);
    }

    private static ConfigDef definition() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(ORDERS_PATH, Type.STRING, ORDERS_PATH_DEFAULT, new HadoopUrl(), Importance.HIGH, ORDERS_PATH_DOC,
                INPUT_GROUP, ++order, ConfigDef.Width.LONG, ORDERS_PATH);
        def.define(PERIOD, Type.STRING, PERIOD_DEFAULT, Durations.atLeast(Duration.ofMinutes(1)), Importance.HIGH,
                PERIOD_DOC, INPUT_GROUP, ++order, ConfigDef.Width.SHORT, PERIOD);
        def.define(RECOMMENDATIONS_MAX, Type.INT, RECOMMENDATIONS_MAX_DEFAULT, Range.between(1, 100),
                Importance.HIGH, RECOMMENDATIONS_MAX_DOC, RECOMMENDATIONS_GROUP, ++order, ConfigDef.Width.SHORT,
                RECOMMENDATIONS_MAX);
        def.define(RECOMMENDATIONS_MIN_ORDERS, Type.INT, RECOMMENDATIONS_MIN_ORDERS_DEFAULT, Range.between(1, 1000),
                Importance.MEDIUM, RECOMMENDATIONS_MIN_ORDERS_DOC, RECOMMENDATIONS_GROUP, ++order,
                ConfigDef.Width.SHORT, RECOMMENDATIONS_MIN_ORDERS);
        def.define(REPORT_TOP_PRODUCTS, Type.INT, REPORT_TOP_PRODUCTS_DEFAULT, Range.between(1, 100),
                Importance.MEDIUM, REPORT_TOP_PRODUCTS_DOC, REPORT_GROUP, ++order, ConfigDef.Width.SHORT,
                REPORT_TOP_PRODUCTS);
        def.define(REPORT_NAME_LANGUAGE, Type.STRING, REPORT_NAME_LANGUAGE_DEFAULT, NameLanguage.validator(),
                Importance.LOW, REPORT_NAME_LANGUAGE_DOC, REPORT_GROUP, ++order, ConfigDef.Width.SHORT,
                REPORT_NAME_LANGUAGE);
        def.define(KAFKA_TIMEOUT, Type.STRING, KAFKA_TIMEOUT_DEFAULT, Durations.atLeast(Duration.ofSeconds(1)),
                Importance.MEDIUM, KAFKA_TIMEOUT_DOC, KAFKA_GROUP, ++order, ConfigDef.Width.SHORT, KAFKA_TIMEOUT);
        defineSpark(def, order);
        defineScheduler(def, order + 10);
        return def;
    }

    private static void defineSpark(ConfigDef def, int order) {
        def.define(SPARK_MASTER, Type.STRING, SPARK_MASTER_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                SPARK_MASTER_DOC, SPARK_GROUP, ++order, ConfigDef.Width.MEDIUM, SPARK_MASTER);
        def.define(SPARK_UI_ENABLED, Type.BOOLEAN, SPARK_UI_ENABLED_DEFAULT, Importance.LOW, SPARK_UI_ENABLED_DOC,
                SPARK_GROUP, ++order, ConfigDef.Width.SHORT, SPARK_UI_ENABLED);
        def.define(SPARK_UI_PORT, Type.INT, SPARK_UI_PORT_DEFAULT, Range.between(0, 65535), Importance.LOW,
                SPARK_UI_PORT_DOC, SPARK_GROUP, ++order, ConfigDef.Width.SHORT, SPARK_UI_PORT);
        def.define(SPARK_DRIVER_PORT, Type.INT, SPARK_DRIVER_PORT_DEFAULT, Range.between(0, 65535), Importance.LOW,
                SPARK_DRIVER_PORT_DOC, SPARK_GROUP, ++order, ConfigDef.Width.SHORT, SPARK_DRIVER_PORT);
        def.define(SPARK_BLOCK_MANAGER_PORT, Type.INT, SPARK_BLOCK_MANAGER_PORT_DEFAULT, Range.between(0, 65535),
                Importance.LOW, SPARK_BLOCK_MANAGER_PORT_DOC, SPARK_GROUP, ++order, ConfigDef.Width.SHORT,
                SPARK_BLOCK_MANAGER_PORT);
        def.define(SPARK_SHUFFLE_PARTITIONS, Type.INT, SPARK_SHUFFLE_PARTITIONS_DEFAULT, Range.between(1, 10_000),
                Importance.LOW, SPARK_SHUFFLE_PARTITIONS_DOC, SPARK_GROUP, ++order, ConfigDef.Width.SHORT,
                SPARK_SHUFFLE_PARTITIONS);
    }

    private static void defineScheduler(ConfigDef def, int order) {
        def.define(EVERY, Type.STRING, EVERY_DEFAULT, Durations.atLeast(Duration.ofSeconds(10)), Importance.HIGH,
                EVERY_DOC, SCHEDULER_GROUP, ++order, ConfigDef.Width.SHORT, EVERY);
        def.define(JOB_TIMEOUT, Type.STRING, JOB_TIMEOUT_DEFAULT, Durations.atLeast(Duration.ofMinutes(1)),
                Importance.LOW, JOB_TIMEOUT_DOC, SCHEDULER_GROUP, ++order, ConfigDef.Width.SHORT, JOB_TIMEOUT);
        def.define(JOB_HEAP, Type.STRING, JOB_HEAP_DEFAULT, new HeapSize(), Importance.LOW, JOB_HEAP_DOC,
                SCHEDULER_GROUP, ++order, ConfigDef.Width.SHORT, JOB_HEAP);
    }

    /** A JVM heap size as -Xmx takes it. */
    private static final class HeapSize implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !HEAP.matcher(((String) value).strip()).matches()) {
                throw new ConfigException(name, value, "must be a size such as 1g or 768m");
            }
        }

        @Override
        public String toString() {
            return "a size in k, m or g, e.g. 1g or 768m";
        }
    }

    /** The environment variable that carries {@code key}: {@code analytics.period} is {@code BAZAAR_ANALYTICS_PERIOD}. */
    public static String environmentVariable(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The settings that {@code env} carries, by key. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        for (String key : CONFIG_DEF.names()) {
            String value = env.get(environmentVariable(key));
            if (value != null && !value.isBlank()) {
                settings.put(key, value.strip());
            }
        }
        return settings;
    }

    /** Whether {@code key} was given rather than left at its default. */
    public boolean isSet(String key) {
        return originals().containsKey(key);
    }

    public Optional<String> ordersPath() {
        String path = getString(ORDERS_PATH).strip();
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    public Duration period() {
        return Durations.parse(getString(PERIOD));
    }

    public int maxRecommendations() {
        return getInt(RECOMMENDATIONS_MAX);
    }

    public int minOrders() {
        return getInt(RECOMMENDATIONS_MIN_ORDERS);
    }

    public int topProducts() {
        return getInt(REPORT_TOP_PRODUCTS);
    }

    public NameLanguage nameLanguage() {
        return NameLanguage.parse(getString(REPORT_NAME_LANGUAGE));
    }

    public Duration kafkaTimeout() {
        return Durations.parse(getString(KAFKA_TIMEOUT));
    }

    public String sparkMaster() {
        return getString(SPARK_MASTER).strip();
    }

    public boolean sparkUiEnabled() {
        return getBoolean(SPARK_UI_ENABLED);
    }

    public int sparkUiPort() {
        return getInt(SPARK_UI_PORT);
    }

    public int sparkDriverPort() {
        return getInt(SPARK_DRIVER_PORT);
    }

    public int sparkBlockManagerPort() {
        return getInt(SPARK_BLOCK_MANAGER_PORT);
    }

    public int sparkShufflePartitions() {
        return getInt(SPARK_SHUFFLE_PARTITIONS);
    }

    public Duration every() {
        return Durations.parse(getString(EVERY));
    }

    public Duration jobTimeout() {
        return Durations.parse(getString(JOB_TIMEOUT));
    }

    public String jobHeap() {
        return getString(JOB_HEAP).strip();
    }

    /** Empty, or a URL Hadoop can open: a scheme and a path. */
    private static final class HadoopUrl implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            String path = value == null ? "" : ((String) value).strip();
            if (path.isEmpty()) {
                return;
            }
            try {
                URI uri = new URI(path);
                if (uri.getScheme() == null || uri.getPath() == null || uri.getPath().isEmpty()) {
                    throw new ConfigException(name, value, "must be a URL with a scheme and a path, e.g. "
                            + "hdfs://127.0.0.1:9020/data/orders or file:///tmp/orders");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "not set, or a URL with a scheme and a path (hdfs://…, file://…)";
        }
    }
}
