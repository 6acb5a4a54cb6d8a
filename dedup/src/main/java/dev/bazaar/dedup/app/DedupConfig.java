package dev.bazaar.dedup.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of the generic de-duplicating app ({@link DedupApp}, {@code bazaar dedup run}),
 * checked as a whole before anything connects: every error is a {@link ConfigException} naming the key.
 *
 * <p>Keys, as written in a properties file; the environment variable of each is {@code BAZAAR_DEDUP_}
 * and the key upper-cased with {@code .} as {@code _} ({@code key.fields}: {@code BAZAAR_DEDUP_KEY_FIELDS}),
 * except {@code http.port}, which is the launcher's {@code BAZAAR_HTTP_PORT}:
 * <table>
 *   <caption>keys and defaults</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #FROM}</td><td>(required)</td><td>{@value #FROM_DOC}</td></tr>
 *   <tr><td>{@value #TO}</td><td>(required)</td><td>{@value #TO_DOC}</td></tr>
 *   <tr><td>{@value #DUPLICATES}</td><td>none</td><td>{@value #DUPLICATES_DOC}</td></tr>
 *   <tr><td>{@value #DEAD_LETTER}</td><td>none</td><td>{@value #DEAD_LETTER_DOC}</td></tr>
 *   <tr><td>{@value #KEY_FIELDS}</td><td>none</td><td>{@value #KEY_FIELDS_DOC}</td></tr>
 *   <tr><td>{@value #RETENTION}</td><td>{@value #RETENTION_DEFAULT}</td><td>{@value #RETENTION_DOC}</td></tr>
 *   <tr><td>{@value #APPLICATION_ID}</td><td>{@code <to>-dedup}</td><td>{@value #APPLICATION_ID_DOC}</td></tr>
 *   <tr><td>{@value #PRINCIPAL}</td><td>{@value #PRINCIPAL_DEFAULT}</td><td>{@value #PRINCIPAL_DOC}</td></tr>
 *   <tr><td>{@value #THREADS}</td><td>{@value #THREADS_DEFAULT}</td><td>{@value #THREADS_DOC}</td></tr>
 *   <tr><td>{@value #COMMIT_INTERVAL_MS}</td><td>{@value #COMMIT_INTERVAL_MS_DEFAULT}</td><td>{@value #COMMIT_INTERVAL_MS_DOC}</td></tr>
 *   <tr><td>{@value #REPLICATION_FACTOR}</td><td>{@value #REPLICATION_FACTOR_DEFAULT}</td><td>{@value #REPLICATION_FACTOR_DOC}</td></tr>
 *   <tr><td>{@value #STATE_DIR}</td><td>{@code var/data/dedup}</td><td>{@value #STATE_DIR_DOC}</td></tr>
 *   <tr><td>{@value #HTTP_PORT}</td><td>none</td><td>{@value #HTTP_PORT_DOC}</td></tr>
 * </table>
 * {@code BAZAAR_DEDUP_CONFIG} names a properties file read first; the environment overrides it.
 */
public final class DedupConfig extends AbstractConfig {

    public static final String FROM = "from";
    public static final String FROM_DOC = "The topic to de-duplicate. Its records' timestamps are the time that counts "
            + "for the retention (events-api sets the receive time).";
    public static final String TO = "to";
    public static final String TO_DOC = "Where the first copy of each record within the retention goes: key, value, "
            + "headers and timestamp unchanged.";
    public static final String DUPLICATES = "duplicates";
    public static final String DUPLICATES_DOC = "Where later copies go, unchanged. Empty: they are dropped, and counted.";
    public static final String DEAD_LETTER = "dead.letter";
    public static final String DEAD_LETTER_DOC = "Where records that cannot be keyed go (no record key; a value that is "
            + "not a JSON object; a key field absent or null), unchanged plus headers dedup.error*. Empty: such a "
            + "record stops the app with an error naming it, so none is lost or passed on unchecked.";
    public static final String KEY_FIELDS = "key.fields";
    public static final String KEY_FIELDS_DOC = "Comma-separated fields of the JSON value (plain JSON or the registry "
            + "wire format, told apart per record) whose values form the key; records are repartitioned by it. "
            + "Empty: the record key is the key (a topic keyed by what makes records copies, as product-events-raw).";
    public static final String RETENTION = "retention";
    public static final String RETENTION_DOC = "How long a key is remembered, in stream time (the largest record "
            + "timestamp seen): 7d, 12h, 30m, 90s or ISO-8601 (P7D).";
    public static final String RETENTION_DEFAULT = "7d";
    public static final String APPLICATION_ID = "application.id";
    public static final String APPLICATION_ID_DOC = "The Kafka Streams application id: consumer group, prefix of the "
            + "transactional ids and of the internal topics. Instances with the same id share the partitions. "
            + "Empty: <to>-dedup.";
    public static final String PRINCIPAL = "principal";
    public static final String PRINCIPAL_DOC = "The Kafka principal to run as; its SCRAM password comes from "
            + "var/secrets (or BAZAAR_<PRINCIPAL>_PASSWORD for an external cluster).";
    public static final String PRINCIPAL_DEFAULT = "dedup-jobs";
    public static final String THREADS = "threads";
    public static final String THREADS_DOC = "Stream threads of this instance (each takes a share of the partitions).";
    public static final int THREADS_DEFAULT = 1;
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String COMMIT_INTERVAL_MS_DOC = "How often a transaction commits what was read, written and "
            + "remembered. Readers (read_committed) see first copies up to this much later; each commit writes a "
            + "marker to every partition the transaction touched, which at Streams' 100 ms was most of the brokers' "
            + "work for the events pipeline on a small machine.";
    public static final long COMMIT_INTERVAL_MS_DEFAULT = 1_000;
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String REPLICATION_FACTOR_DOC = "Replication factor of the internal topics (store changelog, "
            + "repartition topic); -1: the brokers' default. At 3 or more, min.insync.replicas is 2.";
    public static final short REPLICATION_FACTOR_DEFAULT = 3;
    public static final String STATE_DIR = "state.dir";
    public static final String STATE_DIR_DOC = "Where the RocksDB store lives on disk. Empty: var/data/dedup, or "
            + "var/data/dedup-<n> for instance n (BAZAAR_INSTANCE): two instances never share one.";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_PORT_DOC = "HTTPS port of /health and /prometheus on 127.0.0.1 (0: any free port). "
            + "Empty: no HTTP server.";

    /** The environment variable that names a properties file read before the environment. */
    public static final String CONFIG_FILE_ENV = "BAZAAR_DEDUP_CONFIG";
    static final String ENV_PREFIX = "BAZAAR_DEDUP_";
    static final String HTTP_PORT_ENV = "BAZAAR_HTTP_PORT";

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern FIELD = Pattern.compile("\\S(.*\\S)?");
    private static final Pattern PRINCIPAL_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
    /** Room for Streams' internal topic names, {@code <application.id>-<name>-changelog}, within 249 characters. */
    private static final int MAX_APPLICATION_ID = 200;

    private static final String TOPICS = "Topics";
    private static final String KEY = "Key and retention";
    private static final String IDENTITY = "Identity";
    private static final String RUNNING = "Running";

    static final ConfigDef CONFIG = new ConfigDef();

    static {
        define(TOPICS, FROM, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, topic(false), Importance.HIGH, FROM_DOC);
        define(TOPICS, TO, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, topic(false), Importance.HIGH, TO_DOC);
        define(TOPICS, DUPLICATES, Type.STRING, "", topic(true), Importance.MEDIUM, DUPLICATES_DOC);
        define(TOPICS, DEAD_LETTER, Type.STRING, "", topic(true), Importance.MEDIUM, DEAD_LETTER_DOC);
        define(KEY, KEY_FIELDS, Type.LIST, "", DedupConfig::validateFields, Importance.HIGH, KEY_FIELDS_DOC);
        define(KEY, RETENTION, Type.STRING, RETENTION_DEFAULT, DedupConfig::validateRetention, Importance.HIGH,
                RETENTION_DOC);
        define(IDENTITY, APPLICATION_ID, Type.STRING, "", DedupConfig::validateApplicationId, Importance.HIGH,
                APPLICATION_ID_DOC);
        define(IDENTITY, PRINCIPAL, Type.STRING, PRINCIPAL_DEFAULT, DedupConfig::validatePrincipal, Importance.HIGH,
                PRINCIPAL_DOC);
        define(RUNNING, THREADS, Type.INT, THREADS_DEFAULT, ConfigDef.Range.between(1, 64), Importance.LOW, THREADS_DOC);
        define(RUNNING, COMMIT_INTERVAL_MS, Type.LONG, COMMIT_INTERVAL_MS_DEFAULT, ConfigDef.Range.between(10, 60_000),
                Importance.LOW, COMMIT_INTERVAL_MS_DOC);
        define(RUNNING, REPLICATION_FACTOR, Type.SHORT, REPLICATION_FACTOR_DEFAULT, DedupConfig::validateReplication,
                Importance.LOW, REPLICATION_FACTOR_DOC);
        define(RUNNING, STATE_DIR, Type.STRING, "", null, Importance.LOW, STATE_DIR_DOC);
        define(RUNNING, HTTP_PORT, Type.INT, null, DedupConfig::validatePort, Importance.LOW, HTTP_PORT_DOC);
    }

    private final DedupJob job;

    /** Checks {@code settings} (key to value as text): each key, then the rules between keys. */
    public DedupConfig(Map<String, ?> settings) {
        super(CONFIG, known(settings), false);
        this.job = checkedJob();
    }

    /** The configuration from {@code BAZAAR_DEDUP_CONFIG}'s file, if named, overridden by {@code BAZAAR_DEDUP_*}. */
    public static DedupConfig fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new LinkedHashMap<>();
        String file = env.get(CONFIG_FILE_ENV);
        if (file != null && !file.isBlank()) {
            settings.putAll(readFile(Path.of(file.strip())));
        }
        settings.putAll(fromEnv(env));
        return new DedupConfig(settings);
    }

    /** The settings of a properties file, key to value; fails naming the file when it cannot be read. */
    public static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    /** The environment variable of {@code key}. */
    public static String envName(String key) {
        return key.equals(HTTP_PORT) ? HTTP_PORT_ENV : ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** Every key, as a properties file writes it. */
    public static Set<String> keys() {
        return new TreeSet<>(CONFIG.names());
    }

    public DedupJob job() {
        return job;
    }

    /** The application id: the configured one, else {@code <to>-dedup}. */
    public String applicationId() {
        String id = getString(APPLICATION_ID);
        return id.isEmpty() ? job.to() + "-dedup" : id;
    }

    public String principal() {
        return getString(PRINCIPAL);
    }

    public int threads() {
        return getInt(THREADS);
    }

    public long commitIntervalMs() {
        return getLong(COMMIT_INTERVAL_MS);
    }

    public short replicationFactor() {
        return getShort(REPLICATION_FACTOR);
    }

    /** The configured state folder, if any (the app then ignores {@code BAZAAR_INSTANCE}). */
    public Optional<Path> stateDir() {
        String dir = getString(STATE_DIR);
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir.strip()));
    }

    /** The HTTPS port of {@code /health} and {@code /prometheus}, if the app serves them. */
    public Optional<Integer> httpPort() {
        return Optional.ofNullable(getInt(HTTP_PORT));
    }

    private DedupJob checkedJob() {
        String from = getString(FROM);
        String to = getString(TO);
        Optional<String> duplicates = optional(DUPLICATES);
        Optional<String> deadLetter = optional(DEAD_LETTER);
        if (to.equals(from)) {
            throw new ConfigException(TO, to, "is the topic read (" + FROM + "): records would go round forever");
        }
        refuseSame(DUPLICATES, duplicates, Map.of(FROM, from, TO, to));
        refuseSame(DEAD_LETTER, deadLetter, duplicates.map(d -> Map.of(FROM, from, TO, to, DUPLICATES, d))
                .orElse(Map.of(FROM, from, TO, to)));
        String applicationId = getString(APPLICATION_ID);
        if (applicationId.isEmpty() && to.length() + "-dedup".length() > MAX_APPLICATION_ID) {
            throw new ConfigException(APPLICATION_ID, "", "the default <to>-dedup would be longer than "
                    + MAX_APPLICATION_ID + " characters: set one");
        }
        return new DedupJob(from, to, duplicates, deadLetter, getList(KEY_FIELDS),
                Retention.parse(getString(RETENTION)));
    }

    private static void refuseSame(String key, Optional<String> topic, Map<String, String> others) {
        if (topic.isEmpty()) {
            return;
        }
        others.forEach((otherKey, other) -> {
            if (other.equals(topic.get())) {
                throw new ConfigException(key, topic.get(), "is also " + otherKey + ": each topic has one role");
            }
        });
    }

    private Optional<String> optional(String key) {
        String value = getString(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> byEnvName = new LinkedHashMap<>();
        CONFIG.names().forEach(key -> byEnvName.put(envName(key), key));
        Map<String, String> settings = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (byEnvName.containsKey(name)) {
                settings.put(byEnvName.get(name), value);
            } else if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_FILE_ENV)) {
                throw new ConfigException(name, value, "is no setting of the dedup app; known: "
                        + new TreeSet<>(byEnvName.keySet()) + " and " + CONFIG_FILE_ENV);
            }
        });
        return settings;
    }

    private static void define(String group, String name, Type type, Object defaultValue, ConfigDef.Validator validator,
            Importance importance, String doc) {
        CONFIG.define(name, type, defaultValue, validator, importance, doc, group, CONFIG.names().size(),
                ConfigDef.Width.MEDIUM, name);
    }

    private static Map<String, ?> known(Map<String, ?> settings) {
        for (Map.Entry<String, ?> entry : settings.entrySet()) {
            if (!CONFIG.names().contains(entry.getKey())) {
                throw new ConfigException(entry.getKey(), entry.getValue(), "is no setting of the dedup app; known: "
                        + keys());
            }
        }
        return settings;
    }

    private static ConfigDef.Validator topic(boolean optional) {
        return (name, value) -> {
            String topic = (String) value;
            if (optional && (topic == null || topic.isEmpty())) {
                return;
            }
            if (topic == null || !TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw new ConfigException(name, value, "is not a topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
            }
        };
    }

    private static void validateFields(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> fields = (List<String>) value;
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            if (!FIELD.matcher(field).matches()) {
                throw new ConfigException(name, value, "names an empty field or one with spaces around it");
            }
            if (!seen.add(field)) {
                throw new ConfigException(name, value, "names field '" + field + "' twice");
            }
        }
    }

    private static void validateRetention(String name, Object value) {
        try {
            Duration retention = Retention.parse((String) value);
            if (retention.compareTo(Duration.ofDays(365)) > 0) {
                throw new ConfigException(name, value, "is more than 365 days");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    private static void validateApplicationId(String name, Object value) {
        String id = (String) value;
        if (!id.isEmpty() && (!TOPIC.matcher(id).matches() || id.length() > MAX_APPLICATION_ID)) {
            throw new ConfigException(name, value, "must be 1 to " + MAX_APPLICATION_ID
                    + " of a-z A-Z 0-9 . _ - (it prefixes topic names)");
        }
    }

    private static void validatePrincipal(String name, Object value) {
        if (!PRINCIPAL_NAME.matcher((String) value).matches()) {
            throw new ConfigException(name, value, "is not a principal name: " + PRINCIPAL_NAME.pattern());
        }
    }

    private static void validateReplication(String name, Object value) {
        short factor = (Short) value;
        if (factor != -1 && factor < 1) {
            throw new ConfigException(name, value, "must be -1 (the brokers' default) or at least 1");
        }
    }

    private static void validatePort(String name, Object value) {
        if (value != null && ((Integer) value < 0 || (Integer) value > 65_535)) {
            throw new ConfigException(name, value, "is not a port (0 to 65535; 0: any free one)");
        }
    }
}
