package dev.bazaar.connectors.jdbc;

import dev.bazaar.connectors.config.AbstractSinkConfig;
import dev.bazaar.connectors.config.ConfigValidators;
import dev.bazaar.connectors.config.ConfigViolation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the JDBC sink: which PostgreSQL server and role, which table, where each column's
 * value comes from, and how writes are batched and retried. Every value is parsed and checked here,
 * once; a bad one is a {@link ConfigException} naming its key.
 *
 * <h2>Column mapping ({@code columns})</h2>
 * A comma-separated list of {@code column=source}, where {@code source} is one or more alternatives
 * separated by {@code |}: the first that is present and not null gives the value, none gives SQL
 * NULL (a record whose value is missing for a NOT NULL column is errant). An alternative is
 * <ul>
 *   <li>{@code name}: the top-level field {@code name} of the record value (a JSON object);</li>
 *   <li>{@code /a/b}: a JSON pointer into nested objects of the value;</li>
 *   <li>{@code $key}: the record key ({@code byte[]} with ByteArrayConverter, a string with StringConverter);</li>
 *   <li>{@code $value}: the whole value as JSON text (for a {@code jsonb}, {@code json} or {@code text} column);</li>
 *   <li>{@code $timestamp}: the record timestamp (epoch milliseconds; for {@code timestamptz} or {@code bigint});</li>
 *   <li>{@code $header.<name>}: the last header called {@code <name>} (case as written);</li>
 *   <li>{@code $topic}, {@code $partition}, {@code $offset}: where the record was read.</li>
 * </ul>
 * Column names are lower-case identifiers, quoted in SQL. Example, the events table:
 * {@code event_key=$key, kind=$header.event-kind, event_name=event_name, user_id=userId|client_id,
 * received_at=$timestamp, event=$value}. The column types are read from the table when a task starts,
 * and each value is converted to its column's type ({@link ColumnType}).
 */
public final class JdbcSinkConfig extends AbstractSinkConfig {

    private static final String CONNECTION_GROUP = "Connection";
    private static final String TABLE_GROUP = "Table";

    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)[?&](user|password)=");

    public static final String CONNECTION_URL = "connection.url";
    private static final String CONNECTION_URL_DOC = "JDBC URL of the PostgreSQL database, "
            + "jdbc:postgresql://host:port/database with the driver's parameters (e.g. sslmode=verify-full and "
            + "sslrootcert=<CA PEM>). The role and its password belong in connection.user and connection.password, "
            + "not in the URL.";

    public static final String CONNECTION_USER = "connection.user";
    private static final String CONNECTION_USER_DOC = "The database role the task logs in as. It needs INSERT on the "
            + "table and nothing else: a duplicate is skipped by ON CONFLICT DO NOTHING, not looked up. The task fails "
            + "at start when the role lacks INSERT.";

    public static final String CONNECTION_PASSWORD = "connection.password";
    private static final String CONNECTION_PASSWORD_DOC = "The role's password; never logged. Give it through a "
            + "worker config provider (${dir:<folder>:<file>}) so that it is neither in the connector config Connect "
            + "stores nor in its REST API. Line ends at its end are dropped (a secret file edited by hand often "
            + "ends in one; the platform's own secrets never do). Not set: log in without a password.";
    private static final Password CONNECTION_PASSWORD_DEFAULT = null;

    public static final String CONNECTION_TIMEOUT_MS = "connection.timeout.ms";
    private static final String CONNECTION_TIMEOUT_MS_DOC = "How long to wait for a connection and the login, in "
            + "milliseconds (rounded up to seconds for the driver). A timeout is retried like a lost connection.";
    private static final int CONNECTION_TIMEOUT_MS_DEFAULT = 10_000;

    public static final String TABLE = "table";
    private static final String TABLE_DOC = "The table rows are inserted into: name or schema.name, lower case "
            + "(quoted in SQL). Without a schema, the role's search_path finds it. It must exist when a task starts.";

    public static final String COLUMNS = "columns";
    private static final String COLUMNS_DOC = "Comma-separated column=source pairs: where each column's value comes "
            + "from. A source is a top-level field of the value (event_name), a JSON pointer into it (/device/os), "
            + "$key, $value (the whole value as JSON), $timestamp (the record timestamp), $header.<name>, $topic, "
            + "$partition or $offset; a|b takes the first of a, b that is present and not null. Each mapped column "
            + "must exist (checked at start, the error names it) and each NOT NULL column without a default must be "
            + "mapped. A record whose value cannot be converted to its column's type, or has none for a NOT NULL "
            + "column, goes to the errant record reporter.";

    private static final String BATCH_SIZE_DOC = "Most rows in one INSERT batch; each batch is one transaction. "
            + "What one put hands the task is written before put returns, in batches of at most this many rows.";

    private static final String MAX_RETRIES_DOC = "How many times a batch (or the start-up look at the table) is "
            + "retried after a transient error - a lost or refused connection (SQLSTATE class 08), a serialization "
            + "failure or deadlock (40001, 40P01), insufficient resources (53), a server shutting down or starting "
            + "(57P) - before the task fails; Connect then redelivers from the last committed offsets, which inserts "
            + "nothing twice. The task waits on its own thread, so keep the total backoff well under the consumer's "
            + "max.poll.interval.ms.";

    private static final String RETRY_BACKOFF_MS_DOC = "Backoff ceiling in milliseconds before the first retry; "
            + "it doubles on each further retry up to retry.backoff.max.ms. The actual wait is drawn uniformly "
            + "between 0 and the ceiling (full jitter).";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final TableName table;
    private final List<ColumnMapping> columns;

    /** Parses and checks {@code props}; a bad value or a broken rule throws a {@link ConfigException} naming the key. */
    public JdbcSinkConfig(Map<?, ?> props) {
        this(props, true);
    }

    private JdbcSinkConfig(Map<?, ?> props, boolean strict) {
        super(CONFIG_DEF, props, strict);
        this.table = TableName.parse(getString(TABLE));
        this.columns = ColumnMapping.parseAll(getList(COLUMNS));
        if (strict) {
            requireNoViolations();
        }
    }

    /** The rules between keys {@code props} breaks, for Connect's validate call; each key must be valid on its own. */
    static List<ConfigViolation> crossKeyViolations(Map<?, ?> props) {
        return new JdbcSinkConfig(props, false).crossKeyViolations();
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(CONNECTION_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, postgresUrl(), Importance.HIGH,
                CONNECTION_URL_DOC, CONNECTION_GROUP, ++order, Width.LONG, "JDBC URL");
        def.define(CONNECTION_USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, CONNECTION_USER_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "Role");
        def.define(CONNECTION_PASSWORD, Type.PASSWORD, CONNECTION_PASSWORD_DEFAULT, ConfigValidators.nonEmptyPassword(),
                Importance.HIGH, CONNECTION_PASSWORD_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "Password");
        def.define(CONNECTION_TIMEOUT_MS, Type.INT, CONNECTION_TIMEOUT_MS_DEFAULT, ConfigDef.Range.between(1, 300_000),
                Importance.LOW, CONNECTION_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT,
                "Connection timeout (ms)");
        order = 0;
        def.define(TABLE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, tableName(), Importance.HIGH, TABLE_DOC,
                TABLE_GROUP, ++order, Width.MEDIUM, "Table");
        def.define(COLUMNS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, columnMappings(), Importance.HIGH, COLUMNS_DOC,
                TABLE_GROUP, ++order, Width.LONG, "Columns");
        defineBatchSize(def, BATCH_SIZE_DOC);
        defineRetries(def, MAX_RETRIES_DOC, RETRY_BACKOFF_MS_DOC);
        return def;
    }

    public String connectionUrl() {
        return getString(CONNECTION_URL).strip();
    }

    public String connectionUser() {
        return getString(CONNECTION_USER);
    }

    /** The password, without line ends at its end (a config provider hands a file's content on as it is). */
    public Optional<Password> connectionPassword() {
        return Optional.ofNullable(getPassword(CONNECTION_PASSWORD))
                .map(password -> new Password(password.value().replaceAll("[\\r\\n]+$", "")));
    }

    public Duration connectionTimeout() {
        return Duration.ofMillis(getInt(CONNECTION_TIMEOUT_MS));
    }

    public TableName table() {
        return table;
    }

    /** The column mappings, in the configured order (the order of the INSERT's columns). */
    public List<ColumnMapping> columns() {
        return columns;
    }

    private static ConfigDef.Validator postgresUrl() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String url = value == null ? "" : ((String) value).strip();
                if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
                    throw new ConfigException(name, value, "must be a jdbc:postgresql: URL");
                }
                if (CREDENTIAL_PARAMETER.matcher(url).find()) {
                    throw new ConfigException(name, "(hidden: it holds credentials)", "the role and its password "
                            + "belong in " + CONNECTION_USER + " and " + CONNECTION_PASSWORD + ", not in the URL");
                }
            }

            @Override
            public String toString() {
                return "jdbc:postgresql: URL without user or password parameters";
            }
        };
    }

    private static ConfigDef.Validator tableName() {
        return ConfigValidators.parsedBy("table or schema.table (lower-case identifiers)",
                value -> TableName.parse(value == null ? "" : (String) value));
    }

    private static ConfigDef.Validator columnMappings() {
        return ConfigValidators.parsedBy("non-empty list of column=source|source (see above)",
                value -> ColumnMapping.parseAll(value == null ? List.of() : ((List<?>) value).stream()
                        .map(String::valueOf).toList()));
    }
}
