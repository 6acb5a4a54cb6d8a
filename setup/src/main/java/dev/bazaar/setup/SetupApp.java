package dev.bazaar.setup;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setup jar run on its own, as {@code compose/}'s one-shot setup services do: applies {@code setup/}
 * to the platform whose clients' view (endpoints, secrets, truststore) is the runtime folder
 * {@code BAZAAR_VAR}. Containers start in any order, so each step waits for what it applies to answer,
 * up to {@code BAZAAR_SETUP_TIMEOUT} (an ISO-8601 duration, default {@code PT5M}).
 *
 * <p>Steps, named by the arguments: {@code kafka} (principals, ACLs and topics of both clusters, which
 * the registry's journal needs before it starts), {@code schemas} (which need the registry) and
 * {@code connectors} (those of {@code BAZAAR_CONNECTORS}, default {@code /bazaar/home/setup/connectors}, with the
 * platform's endpoints, on the Connect worker of the endpoints; a sink writing to an Elasticsearch over HTTPS
 * signs in as {@code elastic} when the secrets hold its password, as the official image keeps security on).
 */
public final class SetupApp {

    private static final Logger log = LoggerFactory.getLogger(SetupApp.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    private static final String ADMIN = "admin";
    private static final String CONNECT = "connect";
    static final String ELASTIC = "elastic";
    static final String ELASTIC_SECRET = "elasticsearch-elastic";

    private final RuntimeLayout layout;
    private final PlatformSetup setup;
    private final Instant deadline;
    private final Path connectorsFolder;

    SetupApp(RuntimeLayout layout, PlatformSetup setup, Duration timeout, Path connectorsFolder) {
        this.layout = layout;
        this.setup = setup;
        this.deadline = Instant.now().plus(timeout);
        this.connectorsFolder = connectorsFolder;
    }

    public static void main(String[] args) {
        try {
            Map<String, String> env = System.getenv();
            RuntimeLayout layout = new RuntimeLayout(Path.of(required(env, "BAZAAR_VAR")));
            SetupApp app = new SetupApp(layout, new PlatformSetup(PlatformSpec.load(), layout.secrets()), timeout(env),
                    Path.of(env.getOrDefault("BAZAAR_CONNECTORS", "/bazaar/home/setup/connectors")));
            app.run(args.length == 0 ? List.of("kafka", "schemas") : List.of(args));
        } catch (RuntimeException e) {
            log.error("setup failed: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    void run(List<String> steps) {
        for (String step : steps) {
            switch (step) {
                case "kafka" -> {
                    for (Cluster cluster : Cluster.values()) {
                        print("setup of the " + cluster + " cluster", retry(cluster + " cluster", () -> kafka(cluster)));
                    }
                }
                case "schemas" -> print("setup of schemas", retry("schema registry", () -> setup
                        .applySchemas(RegistryConnection.embedded(layout, RegistryUser.ADMIN))));
                case "connectors" -> print("setup of connectors", retry("Connect worker", this::connectors));
                default -> throw new IllegalArgumentException("unknown setup step '" + step
                        + "': expected kafka, schemas or connectors");
            }
        }
    }

    private SetupReport kafka(Cluster cluster) {
        Properties props = KafkaConnection.embedded(layout, cluster, ADMIN).clientProperties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        try (Admin admin = Admin.create(props)) {
            return setup.applyKafka(cluster, admin);
        }
    }

    private SetupReport connectors() {
        PlatformEndpoints endpoints = PlatformEndpoints.load(layout);
        Map<String, String> placeholders = new HashMap<>(ConnectorApplier.layoutPlaceholders(layout));
        endpoints.serviceUrls().forEach((name, url) -> placeholders.putAll(ConnectorApplier.endpointPlaceholders(name, url)));
        String url = endpoints.serviceUrl(CONNECT).orElseThrow(() -> new IllegalStateException(
                layout.endpointsFile() + " names no Connect worker (service." + CONNECT + ".url)"));
        ConnectRest rest = new ConnectRest(url, PlatformTls.httpClient(layout), HttpUser.ADMIN.basic(layout));
        List<ConnectorApplier.ConnectorSpec> connectors = ConnectorApplier.declared(connectorsFolder, placeholders)
                .stream().map(this::withElasticsearchLogin).toList();
        try {
            return new ConnectorApplier(rest, placeholders).apply(connectors, Duration.ofMinutes(2));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the Connect worker at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("connector setup was interrupted", e);
        }
    }

    /**
     * A sink writing to an Elasticsearch over HTTPS signs in as {@value #ELASTIC}, trusting the platform CA,
     * when the secrets hold that user's password; the password is a reference the worker resolves, never a value.
     */
    ConnectorApplier.ConnectorSpec withElasticsearchLogin(ConnectorApplier.ConnectorSpec spec) {
        String urls = spec.config().getOrDefault("elasticsearch.urls", "");
        if (!urls.startsWith("https:") || !layout.secrets().exists(ELASTIC_SECRET)) {
            return spec;
        }
        Map<String, String> config = new LinkedHashMap<>(spec.config());
        String secrets = layout.secretsDir().toString();
        config.putIfAbsent("elasticsearch.username", ELASTIC);
        config.putIfAbsent("elasticsearch.password", "${dir:" + secrets + ":" + ELASTIC_SECRET + ".password}");
        config.putIfAbsent("elasticsearch.truststore.path", layout.truststore().toString());
        config.putIfAbsent("elasticsearch.truststore.password",
                "${dir:" + secrets + ":" + KafkaConnection.TRUSTSTORE_SECRET + ".password}");
        return new ConnectorApplier.ConnectorSpec(spec.name(), spec.file(), config);
    }

    /** Runs {@code step} until it succeeds or the deadline passes, then fails with its last error. */
    private SetupReport retry(String what, Supplier<SetupReport> step) {
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(what + " did not answer before the setup deadline: " + e.getMessage(), e);
                }
                log.info("waiting for the {}: {}", what, e.getMessage());
                pause();
            }
        }
    }

    private static void print(String title, SetupReport report) {
        System.out.println(title + ":");
        report.lines().forEach(line -> System.out.println("  " + line));
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("setup was interrupted", e);
        }
    }

    static Duration timeout(Map<String, String> env) {
        String value = env.get("BAZAAR_SETUP_TIMEOUT");
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration timeout = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("BAZAAR_SETUP_TIMEOUT must be positive, was " + value);
            }
            return timeout;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("BAZAAR_SETUP_TIMEOUT is not an ISO-8601 duration (such as PT5M): " + value, e);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: point it at the runtime folder to set up");
        }
        return value;
    }
}
