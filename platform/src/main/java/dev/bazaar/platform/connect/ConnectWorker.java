package dev.bazaar.platform.connect;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.process.HttpProbe;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.setup.ConnectRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect as one distributed worker in its own process, principal {@code connect} over
 * SASL_SSL for itself and every producer, consumer and admin it creates, our connector plugins on
 * its {@code plugin.path}, JMX metrics for Prometheus through the exporter agent. Its REST API is
 * HTTPS on loopback with HTTP basic authentication (Kafka's {@code BasicAuthSecurityRestExtension},
 * user {@code admin}): anyone who may create a connector may copy any topic the worker reads.
 * Its sinks read with {@code read_committed}, so nothing of an aborted transaction leaves Kafka.
 * Connector configs name secrets as {@code ${dir:<var/secrets>:<name>.password}} (Kafka's
 * {@code DirectoryConfigProvider}, allowed that folder only): the worker reads the file when it
 * starts a connector or task, so a password is neither in the config topic nor in the REST API.
 */
public final class ConnectWorker {

    public static final String COMPONENT = "connect";
    public static final String PRINCIPAL = "connect";
    public static final String GROUP = "connect-cluster";
    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);
    private static final List<String> HEAP = List.of("-Xms128m", "-Xmx512m");
    private static final String MAIN_CLASS = "org.apache.kafka.connect.cli.ConnectDistributed";
    /** The one user of the REST API: the platform's administrator, with the admin principal's password. */
    public static final HttpUser REST_USER = HttpUser.ADMIN;
    private static final String LOGIN_CONTEXT = "KafkaConnect";
    private static final String BASIC_AUTH_EXTENSION =
            "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension";
    private static final String LOGIN_MODULE = "org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule";
    /** The alias connector configs name secret files by: {@code ${dir:<secrets folder>:<file>}}. */
    public static final String SECRETS_PROVIDER = "dir";
    private static final String DIRECTORY_PROVIDER = "org.apache.kafka.common.config.provider.DirectoryConfigProvider";

    private final RuntimeLayout layout;
    private final JavaCommand java;
    private final List<Path> pluginPath;
    private final int restPort;
    private final Optional<MetricsAgent> metrics;

    public ConnectWorker(RuntimeLayout layout, JavaCommand java, List<Path> pluginPath, int restPort,
            Optional<MetricsAgent> metrics) {
        this.layout = layout;
        this.java = java;
        this.pluginPath = List.copyOf(pluginPath);
        this.restPort = restPort;
        this.metrics = metrics;
    }

    public String url() {
        return "https://127.0.0.1:" + restPort;
    }

    /** A client of the REST API: HTTPS trusting the platform CA, signed in as {@link #REST_USER}. */
    public ConnectRest rest() {
        return new ConnectRest(url(), PlatformTls.httpClient(layout), REST_USER.basic(layout));
    }

    /** Where Prometheus scrapes the worker's metrics, when the exporter agent is attached. */
    public Optional<String> metricsUrl() {
        return metrics.map(MetricsAgent::url);
    }

    /**
     * Writes the worker's properties and its REST users (0600: they hold passwords): the operator, and
     * the console as a service (its connector actions are allowed per signed-in user by its role table).
     */
    public void prepare(KafkaConnection kafka) {
        prepare(kafka, KafkaNode.HOST, KafkaNode.HOST);
    }

    /**
     * The same, for a worker whose REST listener binds {@code bindHost} and which the other workers and
     * clients reach at {@code advertisedHost} (in a container: {@code 0.0.0.0} and its name).
     */
    public void prepare(KafkaConnection kafka, String bindHost, String advertisedHost) {
        prepare(kafka, bindHost, advertisedHost, List.of());
    }

    /** The same, with REST users beyond the operator and the console ({@code compose/}'s kafka-ui). */
    public void prepare(KafkaConnection kafka, String bindHost, String advertisedHost, List<HttpUser> moreUsers) {
        StringBuilder users = new StringBuilder();
        for (HttpUser user : Stream.concat(Stream.of(REST_USER, HttpUser.CONSOLE), moreUsers.stream()).toList()) {
            users.append(user.name()).append(": ").append(user.password(layout)).append(System.lineSeparator());
        }
        PrivateFiles.write(restUsersFile(), users.toString());
        PrivateFiles.write(jaasFile(), LOGIN_CONTEXT + " {" + System.lineSeparator() + "    " + LOGIN_MODULE
                + " required file=\"" + restUsersFile() + "\";" + System.lineSeparator() + "};" + System.lineSeparator());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", GROUP);
        p.put("config.storage.topic", "connect-configs");
        p.put("offset.storage.topic", "connect-offsets");
        p.put("status.storage.topic", "connect-status");
        p.put("config.storage.replication.factor", "3");
        p.put("offset.storage.replication.factor", "3");
        p.put("status.storage.replication.factor", "3");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter.schemas.enable", "false");
        p.put("offset.flush.interval.ms", "5000");
        p.putAll(restListener(bindHost, advertisedHost));
        // sinks must never see a record of an aborted transaction (stream-filter writes filtered-items in transactions)
        p.put("consumer.isolation.level", "read_committed");
        p.put("plugin.path", pluginPathValue());
        // every plugin of ours and Kafka's declares itself in META-INF/services: reading those manifests
        // instead of scanning every class of every plugin jar saves ~20 s of each worker start (the HDFS
        // sink's Hadoop jars alone took 16 s to scan); a plugin without its manifest is not loaded
        p.put("plugin.discovery", "service_load");
        // a restarted worker takes its tasks back after 10 s, not 45
        p.put("session.timeout.ms", "10000");
        p.put("heartbeat.interval.ms", "2000");
        // and its sink tasks' consumers rejoin their groups after 10 s: a killed worker's consumers would
        // otherwise hold their partitions for the default 45 s session
        p.put("consumer.session.timeout.ms", "10000");
        p.put("consumer.heartbeat.interval.ms", "2000");
        p.put("scheduled.rebalance.max.delay.ms", "10000");
        p.putAll(secretsProvider());
        for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
            kafka.clientConfig().forEach((key, value) -> {
                if (!key.equals("bootstrap.servers")) {
                    p.put(prefix + key, value);
                }
            });
        }
        PrivateFiles.writeProperties(propertiesFile(), p, "Kafka Connect worker, written by ./bazaar up");
    }

    /**
     * Kafka's {@code DirectoryConfigProvider} as {@value #SECRETS_PROVIDER}, allowed to read the secrets
     * folder only. It hands a file's content on as it is: the secrets are written without a line end.
     */
    public Map<String, String> secretsProvider() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("config.providers", SECRETS_PROVIDER);
        p.put("config.providers." + SECRETS_PROVIDER + ".class", DIRECTORY_PROVIDER);
        p.put("config.providers." + SECRETS_PROVIDER + ".param.allowed.paths", layout.secretsDir().toString());
        return p;
    }

    /** The HTTPS listener on loopback with the certificate issued for {@code connect}, and basic authentication. */
    private Map<String, String> restListener(String bindHost, String advertisedHost) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", "https://" + bindHost + ":" + restPort);
        p.put("rest.advertised.listener", "https");
        p.put("rest.advertised.host.name", advertisedHost);
        p.put("rest.advertised.port", Integer.toString(restPort));
        String password = PlatformTls.keystorePassword(layout);
        p.put("listeners.https.ssl.keystore.type", "PKCS12");
        p.put("listeners.https.ssl.keystore.location", PlatformTls.keystore(layout, COMPONENT).toString());
        p.put("listeners.https.ssl.keystore.password", password);
        p.put("listeners.https.ssl.key.password", password);
        p.put("listeners.https.ssl.truststore.type", "PKCS12");
        p.put("listeners.https.ssl.truststore.location", layout.truststore().toString());
        p.put("listeners.https.ssl.truststore.password", layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
        p.put("listeners.https.ssl.client.auth", "none");
        p.put("rest.extension.classes", BASIC_AUTH_EXTENSION);
        return p;
    }

    public boolean start() {
        ManagedProcess process = process();
        if (process.running().isPresent()) {
            return false;
        }
        List<String> jvm = new ArrayList<>(HEAP);
        jvm.add("-Djava.security.auth.login.config=" + jaasFile());
        metrics.ifPresent(agent -> jvm.add(agent.javaagentOption()));
        process.start(java.command(COMPONENT, jvm, MAIN_CLASS, List.of(propertiesFile().toString())),
                layout.dataDir(COMPONENT), Map.of());
        PrivateFiles.write(startedPluginPathFile(), pluginPathValue() + System.lineSeparator());
        log.info("started {}", COMPONENT);
        return true;
    }

    /**
     * Whether the running worker was started with another plugin path than the build now offers
     * (a connector module was built since): it loads plugins only when it starts.
     */
    public boolean runsOtherPlugins() {
        if (process().running().isEmpty()) {
            return false;
        }
        Path file = startedPluginPathFile();
        try {
            return !Files.exists(file) || !Files.readString(file).strip().equals(pluginPathValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private String pluginPathValue() {
        return String.join(",", pluginPath.stream().map(Path::toString).toList());
    }

    private Path startedPluginPathFile() {
        return layout.runDir().resolve(COMPONENT + ".plugin-path");
    }

    /** Waits until the worker has joined its group and its REST API reports it healthy. */
    public void awaitReady(Duration timeout) {
        probe().await(process(), timeout);
    }

    public List<String> stop() {
        return ProcessStopper.stopTogether(List.of(process()), Duration.ofSeconds(30));
    }

    public ComponentStatus status() {
        return ComponentStatus.of(process(), url(), probe()::ready);
    }

    public ManagedProcess process() {
        return new ManagedProcess(COMPONENT, layout.pidFile(COMPONENT), layout.logFile(COMPONENT));
    }

    private Path propertiesFile() {
        return layout.confDir(COMPONENT).resolve("worker.properties");
    }

    private Path restUsersFile() {
        return layout.confDir(COMPONENT).resolve("rest-users.properties");
    }

    private Path jaasFile() {
        return layout.confDir(COMPONENT).resolve("rest-jaas.conf");
    }

    private HttpProbe probe() {
        return new HttpProbe(COMPONENT, url() + "/health", PlatformTls.clientContext(layout),
                REST_USER.basic(layout));
    }
}
