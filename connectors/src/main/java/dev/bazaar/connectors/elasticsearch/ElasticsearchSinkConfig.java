package dev.bazaar.connectors.elasticsearch;

import dev.bazaar.connectors.config.AbstractSinkConfig;
import dev.bazaar.connectors.config.ConfigValidators;
import dev.bazaar.connectors.config.ConfigViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the Elasticsearch sink: where Elasticsearch is, which index each topic lands in,
 * how records are batched, retried and what happens to records Elasticsearch cannot take.
 */
public final class ElasticsearchSinkConfig extends AbstractSinkConfig {

    private static final String CONNECTION_GROUP = "Connection";
    private static final String INDEX_GROUP = "Index";
    private static final String ERROR_GROUP = "Errors";

    public static final String URLS = "elasticsearch.urls";
    private static final String URLS_DOC = "Comma-separated http:// or https:// URLs of Elasticsearch nodes, "
            + "e.g. https://localhost:9200. Requests go to the nodes in turn; a node that fails is skipped for "
            + "a while. "
            + "Only scheme, host and port are allowed: no path, query or credentials in the URL.";

    public static final String USERNAME = "elasticsearch.username";
    private static final String USERNAME_DOC = "User for HTTP basic authentication. Not set: no authentication. "
            + "Requires elasticsearch.password.";
    private static final String USERNAME_DEFAULT = null;

    public static final String PASSWORD = "elasticsearch.password";
    private static final String PASSWORD_DOC = "Password for HTTP basic authentication; never logged. "
            + "Requires elasticsearch.username.";
    private static final Password PASSWORD_DEFAULT = null;

    public static final String TRUSTSTORE_PATH = "elasticsearch.truststore.path";
    private static final String TRUSTSTORE_PATH_DOC = "Trust store holding the CA that signed the Elasticsearch "
            + "certificates, for https URLs. Not set: the JVM's default trust store. Host names are always verified. "
            + "The task fails at start when the file cannot be read.";
    private static final String TRUSTSTORE_PATH_DEFAULT = null;

    public static final String TRUSTSTORE_PASSWORD = "elasticsearch.truststore.password";
    private static final String TRUSTSTORE_PASSWORD_DOC = "Password of the trust store; never logged. "
            + "Requires elasticsearch.truststore.path.";
    private static final Password TRUSTSTORE_PASSWORD_DEFAULT = null;

    public static final String TRUSTSTORE_TYPE = "elasticsearch.truststore.type";
    private static final String TRUSTSTORE_TYPE_DOC = "Format of the trust store file.";
    private static final String TRUSTSTORE_TYPE_DEFAULT = "PKCS12";

    public static final String CONNECTION_TIMEOUT_MS = "elasticsearch.connection.timeout.ms";
    private static final String CONNECTION_TIMEOUT_MS_DOC = "How long to wait for a TCP connection to a node, "
            + "in milliseconds. A timeout is retried like any connection error.";
    private static final int CONNECTION_TIMEOUT_MS_DEFAULT = 5_000;

    public static final String READ_TIMEOUT_MS = "elasticsearch.read.timeout.ms";
    private static final String READ_TIMEOUT_MS_DOC = "How long to wait for the response to one request, "
            + "in milliseconds. A timeout is retried like any connection error: the retried bulk request "
            + "rewrites the same ids, so a request that did land is harmless to repeat.";
    private static final int READ_TIMEOUT_MS_DEFAULT = 30_000;

    public static final String INDEX_NAME = "index.name";
    private static final String INDEX_NAME_DOC = "Index every topic not listed in topic.index.map writes into. "
            + "Empty: the topic name in lower case (the task fails if that is not a valid index name).";
    private static final String INDEX_NAME_DEFAULT = "";

    public static final String TOPIC_INDEX_MAP = "topic.index.map";
    private static final String TOPIC_INDEX_MAP_DOC = "Comma-separated topic:index pairs, e.g. "
            + "filtered-items:items. A listed topic writes into its index, whatever index.name says.";
    private static final String TOPIC_INDEX_MAP_DEFAULT = "";

    public static final String INDEX_CREATE = "index.create";
    private static final String INDEX_CREATE_DOC = "Whether a task creates each target index that does not exist "
            + "yet when its partitions are assigned (and before the first write to any other index a record is "
            + "routed to), with the catalog item mapping shipped in the plugin "
            + "(dynamic: false, so fields outside the mapping are kept in _source but not searchable). "
            + "An existing index is left as it is. false: Elasticsearch creates missing indices on first write "
            + "with dynamic mapping, if it is allowed to.";
    private static final boolean INDEX_CREATE_DEFAULT = true;

    private static final String BATCH_SIZE_DOC = "Most records in one bulk request. A bulk request is sent as soon "
            + "as this many records are buffered, when linger.ms has passed, and before offsets are committed.";

    public static final String LINGER_MS = "linger.ms";
    private static final String LINGER_MS_DOC = "Longest time in milliseconds a buffered record waits for a full "
            + "batch before the partial batch is sent: the task shortens Connect's next consumer poll so that it "
            + "gets to send it in time (a task that is backing off after an error sends later). 0: what each put "
            + "hands the task is written at once.";
    private static final long LINGER_MS_DEFAULT = 100L;

    private static final String MAX_RETRIES_DOC = "How many times a bulk request, or the part of it Elasticsearch "
            + "could not take for now (HTTP 429, 5xx, es_rejected_execution_exception, connection errors), is "
            + "retried before the task fails. One bulk request is in flight per task and it holds up the "
            + "task while it backs off, so keep the total backoff well under the consumer's max.poll.interval.ms.";

    private static final String RETRY_BACKOFF_MS_DOC = "Backoff ceiling in milliseconds before the first retry; "
            + "it doubles on each further retry up to retry.backoff.max.ms. The actual wait is drawn uniformly "
            + "between 0 and the ceiling (full jitter), so tasks that failed together do not retry together.";

    public static final String BEHAVIOR_ON_MALFORMED_DOCUMENTS = "behavior.on.malformed.documents";
    private static final String BEHAVIOR_ON_MALFORMED_DOCUMENTS_DOC = "What happens to a record Elasticsearch "
            + "cannot take as a document (a mapping or parsing error), whose value is not a JSON object, or whose "
            + "key is missing. When the connector has a dead letter queue or errors.log.enable=true, the record is "
            + "always handed to Connect's errant record reporter, and errors.tolerance decides: all routes it to "
            + "the dead letter topic with error headers while the rest flows, none fails the task. Otherwise: "
            + "fail stops the task naming topic, partition, offset and the reason; warn logs that and skips the "
            + "record; ignore skips it, logging at debug only.";

    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    private static final String BEHAVIOR_ON_NULL_VALUES_DOC = "What happens to a tombstone (a record with a null "
            + "value): delete removes the document whose id is the record key (a document that is not there is "
            + "not an error); ignore skips the record; fail stops the task naming the record.";

    private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");

    public static final ConfigDef CONFIG_DEF = configDef();

    /** Parses and checks {@code props}; a broken rule throws a {@link ConfigException} naming the key. */
    public ElasticsearchSinkConfig(Map<?, ?> props) {
        this(props, true);
    }

    private ElasticsearchSinkConfig(Map<?, ?> props, boolean strict) {
        super(CONFIG_DEF, props, strict);
        if (strict) {
            requireNoViolations();
        }
    }

    /**
     * The rules between keys that {@code props} break, for Connect's validate call; every key must
     * already be valid on its own.
     */
    static List<ConfigViolation> crossKeyViolations(Map<?, ?> props) {
        return new ElasticsearchSinkConfig(props, false).crossKeyViolations();
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        defineConnection(def);
        defineIndex(def);
        defineBatching(def);
        defineRetries(def, MAX_RETRIES_DOC, RETRY_BACKOFF_MS_DOC);
        defineErrors(def);
        return def;
    }

    private static void defineConnection(ConfigDef def) {
        int order = 0;
        def.define(URLS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, httpUrls(), Importance.HIGH, URLS_DOC,
                CONNECTION_GROUP, ++order, Width.LONG, "Elasticsearch URLs");
        def.define(USERNAME, Type.STRING, USERNAME_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                USERNAME_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "User");
        def.define(PASSWORD, Type.PASSWORD, PASSWORD_DEFAULT, ConfigValidators.nonEmptyPassword(), Importance.MEDIUM,
                PASSWORD_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "Password");
        def.define(TRUSTSTORE_PATH, Type.STRING, TRUSTSTORE_PATH_DEFAULT, new ConfigDef.NonEmptyString(),
                Importance.MEDIUM, TRUSTSTORE_PATH_DOC, CONNECTION_GROUP, ++order, Width.LONG, "Trust store");
        def.define(TRUSTSTORE_PASSWORD, Type.PASSWORD, TRUSTSTORE_PASSWORD_DEFAULT, ConfigValidators.nonEmptyPassword(),
                Importance.MEDIUM, TRUSTSTORE_PASSWORD_DOC, CONNECTION_GROUP, ++order, Width.SHORT,
                "Trust store password");
        def.define(TRUSTSTORE_TYPE, Type.STRING, TRUSTSTORE_TYPE_DEFAULT,
                ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS"), Importance.LOW, TRUSTSTORE_TYPE_DOC,
                CONNECTION_GROUP, ++order, Width.SHORT, "Trust store type");
        def.define(CONNECTION_TIMEOUT_MS, Type.INT, CONNECTION_TIMEOUT_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                Importance.LOW, CONNECTION_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT,
                "Connection timeout (ms)");
        def.define(READ_TIMEOUT_MS, Type.INT, READ_TIMEOUT_MS_DEFAULT, ConfigDef.Range.atLeast(1), Importance.LOW,
                READ_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT, "Read timeout (ms)");
    }

    private static void defineIndex(ConfigDef def) {
        int order = 0;
        def.define(INDEX_NAME, Type.STRING, INDEX_NAME_DEFAULT, indexNameOrEmpty(), Importance.HIGH, INDEX_NAME_DOC,
                INDEX_GROUP, ++order, Width.MEDIUM, "Index");
        def.define(TOPIC_INDEX_MAP, Type.LIST, TOPIC_INDEX_MAP_DEFAULT, topicIndexPairs(), Importance.MEDIUM,
                TOPIC_INDEX_MAP_DOC, INDEX_GROUP, ++order, Width.LONG, "Topic to index");
        def.define(INDEX_CREATE, Type.BOOLEAN, INDEX_CREATE_DEFAULT, null, Importance.MEDIUM, INDEX_CREATE_DOC,
                INDEX_GROUP, ++order, Width.SHORT, "Create index");
    }

    private static void defineBatching(ConfigDef def) {
        defineBatchSize(def, BATCH_SIZE_DOC);
        def.define(LINGER_MS, Type.LONG, LINGER_MS_DEFAULT, ConfigDef.Range.between(0, 60_000), Importance.LOW,
                LINGER_MS_DOC, BATCH_GROUP, 2, Width.SHORT, "Linger (ms)");
    }

    private static void defineErrors(ConfigDef def) {
        int order = 0;
        def.define(BEHAVIOR_ON_MALFORMED_DOCUMENTS, Type.STRING, MalformedDocumentBehavior.DEFAULT.toString(),
                MalformedDocumentBehavior.validator(), Importance.MEDIUM, BEHAVIOR_ON_MALFORMED_DOCUMENTS_DOC,
                ERROR_GROUP, ++order, Width.SHORT, "Behavior on malformed documents");
        def.define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, NullValueBehavior.DEFAULT.toString(),
                NullValueBehavior.validator(), Importance.MEDIUM, BEHAVIOR_ON_NULL_VALUES_DOC, ERROR_GROUP, ++order,
                Width.SHORT, "Behavior on null values");
    }

    /** The rules between keys these values break, in key order; empty when the configuration is usable. */
    @Override
    public List<ConfigViolation> crossKeyViolations() {
        List<ConfigViolation> violations = new ArrayList<>();
        if (username().isPresent() && password().isEmpty()) {
            violations.add(new ConfigViolation(USERNAME, username().get(), "requires " + PASSWORD));
        }
        if (password().isPresent() && username().isEmpty()) {
            violations.add(new ConfigViolation(PASSWORD, Password.HIDDEN, "requires " + USERNAME));
        }
        if (truststorePath().isPresent() && urls().stream().noneMatch(url -> url.getScheme().equals("https"))) {
            violations.add(new ConfigViolation(TRUSTSTORE_PATH, truststorePath().get(),
                    "is set but no URL in " + URLS + " uses https"));
        }
        if (truststorePassword().isPresent() && truststorePath().isEmpty()) {
            violations.add(new ConfigViolation(TRUSTSTORE_PASSWORD, Password.HIDDEN, "requires " + TRUSTSTORE_PATH));
        }
        backoffViolation().ifPresent(violations::add);
        return violations;
    }

    /** Node URLs, schemes lower-cased. */
    public List<URI> urls() {
        return getList(URLS).stream().map(url -> URI.create(url.trim())).map(ElasticsearchSinkConfig::lowerScheme)
                .toList();
    }

    public Optional<String> username() {
        return Optional.ofNullable(getString(USERNAME));
    }

    public Optional<Password> password() {
        return Optional.ofNullable(getPassword(PASSWORD));
    }

    public Optional<Path> truststorePath() {
        return Optional.ofNullable(getString(TRUSTSTORE_PATH)).map(Path::of);
    }

    public Optional<Password> truststorePassword() {
        return Optional.ofNullable(getPassword(TRUSTSTORE_PASSWORD));
    }

    /** Trust store type in upper case, as {@link java.security.KeyStore#getInstance(String)} takes it. */
    public String truststoreType() {
        return getString(TRUSTSTORE_TYPE).toUpperCase(Locale.ROOT);
    }

    public Duration connectionTimeout() {
        return Duration.ofMillis(getInt(CONNECTION_TIMEOUT_MS));
    }

    public Duration readTimeout() {
        return Duration.ofMillis(getInt(READ_TIMEOUT_MS));
    }

    /** The index for topics not in {@link #topicIndexMap()}; empty means the topic name. */
    public Optional<String> indexName() {
        return Optional.of(getString(INDEX_NAME).trim()).filter(name -> !name.isEmpty());
    }

    /** Topic to index, in the configured order. */
    public Map<String, String> topicIndexMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : getList(TOPIC_INDEX_MAP)) {
            String[] parts = pair.trim().split(":", 2);
            map.put(parts[0].trim(), parts[1].trim());
        }
        return map;
    }

    public boolean indexCreate() {
        return getBoolean(INDEX_CREATE);
    }

    public Duration linger() {
        return Duration.ofMillis(getLong(LINGER_MS));
    }

    public MalformedDocumentBehavior behaviorOnMalformedDocuments() {
        return MalformedDocumentBehavior.parse(getString(BEHAVIOR_ON_MALFORMED_DOCUMENTS));
    }

    public NullValueBehavior behaviorOnNullValues() {
        return NullValueBehavior.parse(getString(BEHAVIOR_ON_NULL_VALUES));
    }

    private static URI lowerScheme(URI url) {
        try {
            return new URI(url.getScheme().toLowerCase(Locale.ROOT), null, url.getHost(), url.getPort(), null, null,
                    null);
        } catch (URISyntaxException e) {
            throw new ConfigException(URLS, url.toString(), e.getMessage());
        }
    }

    private static ConfigDef.Validator httpUrls() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                List<?> urls = (List<?>) value;
                if (urls == null || urls.isEmpty()) {
                    throw new ConfigException(name, value, "at least one URL is required");
                }
                for (Object url : urls) {
                    whyNotHttpUrl(String.valueOf(url).trim()).ifPresent(why -> {
                        throw new ConfigException(name, url, why);
                    });
                }
            }

            @Override
            public String toString() {
                return "non-empty list of http:// or https:// URLs";
            }
        };
    }

    private static Optional<String> whyNotHttpUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getMessage());
        }
        if (url.getScheme() == null || !HTTP_SCHEMES.contains(url.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of("the scheme must be http or https");
        }
        if (url.getHost() == null) {
            return Optional.of("a host is required");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("credentials belong in " + USERNAME + " and " + PASSWORD + ", not in the URL");
        }
        boolean hasPath = url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/");
        if (hasPath || url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.of("only scheme, host and port are allowed");
        }
        return Optional.empty();
    }

    private static ConfigDef.Validator indexNameOrEmpty() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                String index = value == null ? "" : ((String) value).trim();
                if (!index.isEmpty()) {
                    IndexNames.whyInvalid(index).ifPresent(why -> {
                        throw new ConfigException(name, value, why);
                    });
                }
            }

            @Override
            public String toString() {
                return "empty or a valid index name (lower case, no \\ / * ? \" < > | space , # :)";
            }
        };
    }

    private static ConfigDef.Validator topicIndexPairs() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                Set<String> topics = new HashSet<>();
                for (Object entry : (List<?>) value) {
                    String[] parts = String.valueOf(entry).trim().split(":", -1);
                    if (parts.length != 2 || parts[0].isBlank()) {
                        throw new ConfigException(name, entry, "each entry must be topic:index");
                    }
                    IndexNames.whyInvalid(parts[1].trim()).ifPresent(why -> {
                        throw new ConfigException(name, entry, why);
                    });
                    if (!topics.add(parts[0].trim())) {
                        throw new ConfigException(name, entry, "topic " + parts[0].trim() + " is listed twice");
                    }
                }
            }

            @Override
            public String toString() {
                return "list of topic:index";
            }
        };
    }
}
