package dev.bazaar.platform.registry;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.process.HttpProbe;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.process.ProcessStopper;
import dev.bazaar.platform.process.StartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry: Apicurio Registry as its own process, storing schemas in its KafkaSQL
 * journal on the main cluster as principal {@code registry}, serving HTTPS with basic auth and
 * three roles, and health on a loopback management port.
 */
public final class SchemaRegistry {

    public static final String COMPONENT = "registry";
    public static final String PRINCIPAL = "registry";
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);
    private static final List<String> HEAP = List.of("-Xms64m", "-Xmx384m");

    private final RuntimeLayout layout;
    private final JavaCommand java;
    private final Path distribution;
    private final int httpsPort;
    private final int managementPort;

    public SchemaRegistry(RuntimeLayout layout, JavaCommand java, Path distribution, int httpsPort, int managementPort) {
        this.layout = layout;
        this.java = java;
        this.distribution = distribution;
        this.httpsPort = httpsPort;
        this.managementPort = managementPort;
    }

    /** The base URL clients use; the certificate names 127.0.0.1, so hostname verification holds. */
    /** The management interface: {@code /health}, {@code /health/ready}, {@code /metrics} over HTTPS, without credentials. */
    public String managementUrl() {
        return "https://127.0.0.1:" + managementPort;
    }

    public String url() {
        return "https://127.0.0.1:" + httpsPort;
    }

    /** Writes {@code config/application.properties} (0600) in the registry's working folder. */
    public void prepare(KafkaConnection kafka, Path keystore, String keystorePassword) {
        Site site = new Site(KafkaNode.HOST, httpsPort, managementPort, keystore, keystorePassword,
                layout.dataDir(COMPONENT));
        PrivateFiles.writeProperties(workDir().resolve("config/application.properties"),
                settings(site, kafka, layout.secrets()), "Schema registry, written by ./bazaar up");
    }

    /**
     * Where a registry runs, as its process sees it: the address it binds, its ports, its keystore and
     * the folder of its journal snapshots.
     */
    public record Site(String bindHost, int httpsPort, int managementPort, Path keystore, String keystorePassword,
            Path snapshots) {
    }

    /**
     * The registry's {@code application.properties} at {@code site}: its journal on the cluster of
     * {@code kafka}, its users' passwords from {@code secrets}.
     */
    public static Map<String, String> settings(Site site, KafkaConnection kafka, Secrets secrets) {
        Map<String, String> p = new LinkedHashMap<>();
        http(p, site);
        storage(p, kafka);
        users(p, secrets);
        p.put("apicurio.rules.global.compatibility", "BACKWARD");
        p.put("apicurio.rules.global.validity", "FULL");
        p.put("apicurio.storage.snapshot.location", site.snapshots().toString());
        return p;
    }

    public boolean start() {
        ManagedProcess process = process();
        if (process.running().isPresent()) {
            return false;
        }
        Path jar = distribution.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StartupFailure(COMPONENT, process.logFile(), jar + " is missing: build with ./mvnw package");
        }
        process.start(java.jar(COMPONENT, HEAP, jar), workDir(), Map.of());
        log.info("started {}", COMPONENT);
        return true;
    }

    /** Waits until the registry has replayed its journal and says it is ready. */
    public void awaitReady(Duration timeout) {
        probe().await(process(), timeout);
    }

    /** Whether the management port reports the registry ready (journal replayed). */
    public boolean ready() {
        return probe().ready();
    }

    public List<String> stop() {
        return ProcessStopper.stopTogether(List.of(process()), Duration.ofSeconds(20));
    }

    public ComponentStatus status() {
        Optional<ProcessHandle> handle = process().running();
        ComponentStatus.State state = handle.isEmpty() ? ComponentStatus.State.STOPPED
                : ready() ? ComponentStatus.State.HEALTHY : ComponentStatus.State.UNHEALTHY;
        return new ComponentStatus(COMPONENT, url(), handle.map(ProcessHandle::pid).orElse(null), state,
                process().logFile().toString());
    }

    public ManagedProcess process() {
        return new ManagedProcess(COMPONENT, layout.pidFile(COMPONENT), layout.logFile(COMPONENT));
    }

    private Path workDir() {
        return layout.confDir(COMPONENT);
    }

    private HttpProbe probe() {
        return new HttpProbe(COMPONENT, managementUrl() + "/health/ready", PlatformTls.clientContext(layout));
    }

    private static void http(Map<String, String> p, Site site) {
        p.put("quarkus.http.host", site.bindHost());
        p.put("quarkus.http.ssl-port", Integer.toString(site.httpsPort()));
        p.put("quarkus.http.insecure-requests", "disabled");
        p.put("quarkus.http.ssl.certificate.key-store-file", site.keystore().toString());
        p.put("quarkus.http.ssl.certificate.key-store-file-type", "PKCS12");
        p.put("quarkus.http.ssl.certificate.key-store-password", site.keystorePassword());
        p.put("quarkus.management.host", site.bindHost());
        p.put("quarkus.management.port", Integer.toString(site.managementPort()));
        // the management interface (health, metrics) over HTTPS with the registry's certificate too; it has no
        // authentication: the prebuilt registry fixes quarkus.management.auth.* at build time (README, Security)
        p.put("quarkus.management.ssl.certificate.key-store-file", site.keystore().toString());
        p.put("quarkus.management.ssl.certificate.key-store-file-type", "PKCS12");
        p.put("quarkus.management.ssl.certificate.key-store-password", site.keystorePassword());
    }

    private static void storage(Map<String, String> p, KafkaConnection kafka) {
        p.put("apicurio.storage.kind", "kafkasql");
        p.put("apicurio.kafkasql.bootstrap.servers", kafka.bootstrapServers());
        p.put("apicurio.kafka.common.security.protocol", KafkaConnection.SECURITY_PROTOCOL);
        p.put("apicurio.kafka.common.sasl.mechanism", KafkaConnection.SASL_MECHANISM);
        p.put("apicurio.kafka.common.sasl.jaas.config", KafkaConnection.jaasConfig(kafka.username(), kafka.password()));
        // KafkaSQL's clients default to no host name verification: verify the brokers' names like every other client
        p.put("apicurio.kafka.common.ssl.endpoint.identification.algorithm", "https");
        p.put("apicurio.kafkasql.security.ssl.truststore.location", kafka.truststore().toString());
        p.put("apicurio.kafkasql.security.ssl.truststore.type", "PKCS12");
        p.put("apicurio.kafkasql.security.ssl.truststore.password", kafka.truststorePassword());
        p.put("apicurio.kafkasql.topic.auto-create", "false");
        p.put("apicurio.kafkasql.consumer.poll.timeout", "1000");
    }

    private static void users(Map<String, String> p, Secrets secrets) {
        p.put("quarkus.oidc.tenant-enabled", "false");
        p.put("quarkus.http.auth.basic", "true");
        p.put("quarkus.security.users.embedded.enabled", "true");
        p.put("quarkus.security.users.embedded.plain-text", "true");
        for (RegistryUser user : RegistryUser.values()) {
            p.put("quarkus.security.users.embedded.users." + user.username(),
                    secrets.password(user.secretName()));
            p.put("quarkus.security.users.embedded.roles." + user.username(), user.role());
        }
        p.put("apicurio.auth.role-based-authorization", "true");
    }
}
