package dev.bazaar.hdfs.loader;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The HDFS sink's settings, checked when the connector starts so that a wrong value fails with the
 * key's name instead of at the first record. {@link #CONFIG_DEF} documents every key and default;
 * {@code docs/hdfs-sink-config.md} is generated from it by a test.
 */
public final class HdfsSinkConfig extends AbstractConfig {

    public static final String HDFS_URL = "hdfs.url";
    public static final String HDFS_USER = "hdfs.user";
    public static final String TOPICS_DIR = "topics.dir";
    public static final String PARTITION_FIELD = "partition.field";
    public static final String PARTITION_TIME = "partition.time";
    public static final String PARTITION_TIME_FIELD = "partition.time.field";
    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    /** Any key with this prefix goes to Hadoop's client configuration without it, e.g. {@code hadoop.conf.dfs.replication}. */
    public static final String HADOOP_PREFIX = "hadoop.conf.";

    /** How files are grouped by time besides the field: a {@code date=} folder, or {@code date=}/{@code hour=}. */
    public enum TimePartitioning { NONE, DAY, HOUR }

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HDFS_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    described(HdfsSinkConfig::validUrl, "a URL with a scheme (hdfs://host:port, file:///)"), Importance.HIGH,
                    "The file system to write to, e.g. hdfs://127.0.0.1:9020 (file:/// works too, for tests).")
            .define(HDFS_USER, Type.STRING, "", Importance.MEDIUM,
                    "The user the connector acts as on HDFS (simple authentication); empty: the worker's OS user.")
            .define(TOPICS_DIR, Type.STRING, "/data", described(HdfsSinkConfig::validDirectory, "an absolute path"),
                    Importance.HIGH,
                    "The folder under which each topic gets its own folder: <topics.dir>/<topic>/…")
            .define(PARTITION_FIELD, Type.STRING, "customer", Importance.HIGH,
                    "The record field (a dotted path for nested fields) whose value names a folder, as "
                            + "<field>=<value>; empty: no field folder. A record without the field goes to the dead-letter topic.")
            .define(PARTITION_TIME, Type.STRING, "none", ConfigDef.ValidString.in("none", "day", "hour"),
                    Importance.MEDIUM, "Time folders below the field folder: none, day (date=yyyy-MM-dd) or hour "
                            + "(date=yyyy-MM-dd/hour=HH), in UTC.")
            .define(PARTITION_TIME_FIELD, Type.STRING, "", Importance.MEDIUM,
                    "The record field holding the time (an RFC 3339 date-time) the time folders use; empty: the "
                            + "Kafka record's timestamp.")
            .define(FLUSH_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.HIGH,
                    "Records of one Kafka partition after which its files are committed (rotation by count).")
            .define(ROTATE_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.HIGH,
                    "Milliseconds after a partition's first uncommitted record at which its files are committed "
                            + "(rotation by time; checked on every delivery and at least every offset flush of the worker).")
            .define(MAX_RETRIES, Type.INT, 10, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Failed commits (HDFS errors) retried before the task fails; its records stay buffered meanwhile.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The first wait before retrying a failed commit; it doubles with each retry.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The longest wait between two retries.");

    public HdfsSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS, getLong(RETRY_BACKOFF_MAX_MS),
                    "must be at least " + RETRY_BACKOFF_MS + " (" + getLong(RETRY_BACKOFF_MS) + ")");
        }
    }

    public URI url() {
        return URI.create(getString(HDFS_URL).strip());
    }

    public String user() {
        return getString(HDFS_USER).strip();
    }

    public String topicsDir() {
        String dir = getString(TOPICS_DIR).strip();
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    /** The field path, e.g. {@code [customer]}; empty when files are not grouped by a field. */
    public List<String> partitionField() {
        String field = getString(PARTITION_FIELD).strip();
        return field.isEmpty() ? List.of() : List.of(field.split("\\."));
    }

    public String partitionFieldName() {
        return getString(PARTITION_FIELD).strip();
    }

    public TimePartitioning timePartitioning() {
        return TimePartitioning.valueOf(getString(PARTITION_TIME).strip().toUpperCase(Locale.ROOT));
    }

    public List<String> timeField() {
        String field = getString(PARTITION_TIME_FIELD).strip();
        return field.isEmpty() ? List.of() : List.of(field.split("\\."));
    }

    public int flushSize() {
        return getInt(FLUSH_SIZE);
    }

    public Duration rotateInterval() {
        return Duration.ofMillis(getLong(ROTATE_INTERVAL_MS));
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS));
    }

    /** The {@code hadoop.conf.*} settings without their prefix. */
    public Map<String, String> hadoopSettings() {
        Map<String, String> settings = new HashMap<>();
        originalsStrings().forEach((key, value) -> {
            if (key.startsWith(HADOOP_PREFIX) && key.length() > HADOOP_PREFIX.length()) {
                settings.put(key.substring(HADOOP_PREFIX.length()), value);
            }
        });
        return settings;
    }

    /** A validator that the generated reference names by what it accepts. */
    private static ConfigDef.Validator described(ConfigDef.Validator check, String accepts) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                check.ensureValid(name, value);
            }

            @Override
            public String toString() {
                return accepts;
            }
        };
    }

    private static void validUrl(String name, Object value) {
        String text = value == null ? "" : value.toString().strip();
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null) {
                throw new ConfigException(name, value, "must be a URL with a scheme, e.g. hdfs://127.0.0.1:9020");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
        }
    }

    private static void validDirectory(String name, Object value) {
        String text = value == null ? "" : value.toString().strip();
        if (!text.startsWith("/")) {
            throw new ConfigException(name, value, "must be an absolute path, e.g. /data");
        }
    }
}
