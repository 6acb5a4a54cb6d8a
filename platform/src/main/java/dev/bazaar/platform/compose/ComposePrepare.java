package dev.bazaar.platform.compose;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.connect.ConnectWorker;
import dev.bazaar.platform.hdfs.HdfsComponent;
import dev.bazaar.platform.monitoring.MonitoringComponent;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.platform.service.ServiceComponent;
import dev.bazaar.setup.PostgresRoleSpec;
import dev.bazaar.setup.PostgresSpec;
import java.util.stream.Stream;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.setup.PlatformSpec;
import dev.bazaar.setup.PrincipalSpec;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bazaar compose prepare}: writes into {@code var/compose/} what the containers of {@code compose/}
 * read, with the code that configures the embedded platform: a CA and every component's certificate (its
 * compose host name among the SANs), generated passwords, each Kafka node's {@code server.properties}
 * (formatted storage included, with the SCRAM credentials of admin and the brokers, so no password is on
 * a command line), the registry's {@code application.properties}, kafka-ui's configuration, the clients'
 * endpoints as the containers see them, and the setup jar's classpath. {@code compose/} itself holds no
 * secret: its files name these.
 *
 * <p>{@code var/compose/} is a runtime folder of its own ({@link RuntimeLayout}): containers mount the parts
 * they need at {@link #CONTAINER_VAR}, so the same relative paths hold inside and out. Running it again
 * keeps what exists (CA, passwords, storage) and rewrites the configuration.
 */
public final class ComposePrepare {

    /** Where containers mount their parts of {@code var/compose/}. */
    public static final Path CONTAINER_VAR = Path.of("/bazaar/var");
    /** The nodes' listeners inside the compose network; the EXTERNAL ones are the embedded platform's ports. */
    public static final int BROKER_PORT = 29092;
    public static final int CONTROLLER_PORT = 29093;
    /** kafka-ui's HTTPS port (its own default port), published on the host's loopback. */
    public static final int KAFKA_UI_PORT = 8080;
    public static final String KAFKA_UI = "kafka-ui";
    /** The secret of kafka-ui's own sign-in (user {@value #KAFKA_UI_USER}). */
    public static final String KAFKA_UI_LOGIN_SECRET = "kafka-ui-login";
    public static final String KAFKA_UI_USER = "admin";
    /**
     * kafka-ui's user of Connect's REST API (Connect gives every REST user the whole API: kafka-ui runs read-only,
     * so it lists connectors and tasks and changes none).
     */
    public static final HttpUser KAFKA_UI_CONNECT = new HttpUser("kafka-ui", "kafka-ui-connect");
    /** The file docker-compose reads variables from ({@code compose/.env} links to it). */
    public static final String ENV_FILE = "compose.env";
    static final String ADMIN = "admin";
    static final String BROKER = "kafka-broker";
    private static final String CA_SECRET = "ca";
    static final String ELASTICSEARCH = "elasticsearch";
    /** The password of Elasticsearch's {@code elastic} user, which the search sink and client-api sign in as. */
    public static final String ELASTIC_SECRET = "elasticsearch-elastic";
    public static final String GRAFANA = "grafana";
    /** The password of Grafana's {@code admin}. */
    public static final String GRAFANA_ADMIN_SECRET = "grafana-admin";
    /** Where containers that read the checkout (setup/, grafana/) mount it, read-only. */
    public static final Path CONTAINER_HOME = Path.of("/bazaar/home");
    /** The users the PostgreSQL and Elasticsearch images switch to when started as root. */
    private static final int POSTGRES_IMAGE_USER = 999;
    private static final int ELASTICSEARCH_IMAGE_USER = 1000;
    /** The log level of the one-shot setup programs: their progress at info. */
    private static final String INFO_LOGGING = "-Dorg.apache.logging.log4j.level=INFO";

    private final Path home;
    private final RuntimeLayout host;
    private final PortPlan ports = new PortPlan(PortPlan.DEFAULT_BASE);
    private final ComposeFolder folder;
    private final KafkaContainers kafka;
    private final ServiceContainers services;
    private final MonitoringContainers monitoring;

    /** Prepares {@code <home>/var/compose}, the folder {@code compose/}'s files name. */
    public ComposePrepare(Path home) {
        this(home, RuntimeLayout.under(home).root().resolve("compose"));
    }

    /** Prepares {@code folder} instead (a test's). */
    public ComposePrepare(Path home, Path folder) {
        this.home = home;
        this.host = new RuntimeLayout(folder);
        this.folder = new ComposeFolder(home, folder);
        this.kafka = new KafkaContainers(this.folder);
        this.services = new ServiceContainers(this.folder);
        this.monitoring = new MonitoringContainers(this.folder);
    }

    /** The folder it prepares. */
    public Path folder() {
        return host.root();
    }

    /** Writes everything; returns one line for each thing written, for the user. */
    public List<String> prepare() {
        passwords();
        Map<String, Path> keystores = certificates();
        for (Cluster cluster : Cluster.values()) {
            kafka.kafka(cluster, folder.nodes(cluster), keystores);
        }
        Platform catalog = catalogPlatform();
        endpoints(catalog);
        kafka.registry();
        kafka.kafkaUi();
        folder.java("setup", services.setupClasspath(), List.of(INFO_LOGGING), "dev.bazaar.setup.SetupApp");
        catalog.catalog().all(ServiceComponent.class).stream().filter(service -> !ServiceContainers.isElasticsearch(service))
                .forEach(services::service);
        kafka.connect(catalog.config());
        kafka.mirrorMaker();
        services.elasticsearch();
        services.postgres();
        monitoring.agents(catalog.config());
        monitoring.monitoring(catalog);
        monitoring.grafana();
        folder.java("platform", services.platformClasspath(), List.of(INFO_LOGGING), PostgresSetupApp.class.getName());
        environment();
        return folder.written();
    }

    /** The nodes of {@code cluster} as they run in compose: host {@code <cluster>-<id>}, the in-network ports. */
    public List<KafkaNode> nodes(Cluster cluster) {
        return folder.nodes(cluster);
    }

    /** The port of a node's EXTERNAL listener, the same as its broker port in the embedded platform. */
    public int externalPort(KafkaNode node) {
        return folder.externalPort(node);
    }

    /** The arguments of each monitoring server in its container, as {@link #prepare} wrote its configuration. */
    public Map<String, List<String>> monitoringArguments() {
        return monitoring.monitoringArguments();
    }



    /** Every principal's, registry user's and store's password, so that containers only ever read them. */
    private void passwords() {
        Secrets secrets = host.secrets();
        List<String> names = new ArrayList<>(List.of(ADMIN, BROKER, KafkaConnection.TRUSTSTORE_SECRET,
                PlatformTls.KEYSTORE_SECRET, CA_SECRET, KAFKA_UI_LOGIN_SECRET, KAFKA_UI_CONNECT.secret()));
        PlatformSpec.load().principals().stream().map(PrincipalSpec::name).forEach(names::add);
        for (RegistryUser user : RegistryUser.values()) {
            names.add(user.secretName());
        }
        Stream.of(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS, HttpUser.CONSOLE, HttpUser.ALERT_WEBHOOK,
                ShopApiCredentials.CALLER, ClientApiCredentials.CALLER, EventsApiCredentials.CALLER)
                .map(HttpUser::secret).forEach(names::add);
        names.addAll(List.of(ShopApiCredentials.TOKEN_SECRET, ClientApiCredentials.TOKEN_SECRET,
                EventsApiCredentials.TOKEN_SECRET, PostgresServer.ADMIN_SECRET));
        PostgresSpec.load().roles().stream().map(PostgresRoleSpec::secretName).forEach(names::add);
        names.forEach(secrets::password);
        folder.note("passwords: " + host.secretsDir() + " (" + names.size() + ", mode 0600)");
    }

    /** The CA and the certificate of every server the catalog declares, and kafka-ui's. */
    private Map<String, Path> certificates() {
        Secrets secrets = host.secrets();
        CertificateStore store = new CertificateStore(host.sslDir(),
                secrets.password(PlatformTls.KEYSTORE_SECRET).toCharArray(),
                secrets.password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray(),
                secrets.password(CA_SECRET).toCharArray());
        store.ensureAuthority();
        List<TlsIdentity> identities = new ArrayList<>();
        catalogPlatform().catalog().all().forEach(component -> identities.addAll(component.tlsIdentities()));
        // one certificate for every exporter agent, as on the embedded platform: here it names each agent's container
        List<String> agentHosts = new ArrayList<>(List.of(MetricsAgent.IDENTITY, ConnectWorker.COMPONENT, MirrorMaker.COMPONENT));
        Stream.of(Cluster.values()).flatMap(cluster -> folder.nodes(cluster).stream()).map(KafkaNode::name).forEach(agentHosts::add);
        identities.add(new TlsIdentity(MetricsAgent.IDENTITY, "service", agentHosts));
        identities.add(new TlsIdentity(GRAFANA, "service", List.of(GRAFANA)));
        identities.add(new TlsIdentity(KAFKA_UI, "service", List.of(KAFKA_UI)));
        // the embedded node serves loopback HTTP; the official image serves HTTPS
        identities.add(new TlsIdentity(ELASTICSEARCH, "service", List.of(ELASTICSEARCH)));
        Map<String, Path> keystores = new LinkedHashMap<>();
        identities.forEach(identity -> keystores.put(identity.name(), store.ensureKeystore(identity)));
        folder.note("certificates: " + host.sslDir() + " (CA and " + keystores.size() + " keystores: "
                + String.join(", ", keystores.keySet()) + ")");
        return keystores;
    }

    /** The embedded platform's catalog over this folder: the components compose runs, and their certificates. */
    public Platform catalogPlatform() {
        return new Platform(new PlatformConfig(home, host, ports, Duration.ofMinutes(5),
                Set.of(PlatformConfig.Part.values())));
    }



    /**
     * The endpoints every client in the compose network reads: the embedded platform's (its ports are
     * the containers' too), each at the host name of the container that serves it.
     */
    private void endpoints(Platform catalog) {
        Map<String, String> services = new LinkedHashMap<>();
        catalog.catalog().all().forEach(component -> component.endpoints().forEach((endpoint, url) ->
                services.put(endpoint, containerUrl(component, endpoint, url.replace(host.root().toString(),
                        CONTAINER_VAR.toString())))));
        new PlatformEndpoints(folder.bootstrap(Cluster.MAIN), folder.bootstrap(Cluster.MIRROR), folder.registryUrl(), services).store(host);
        folder.note("endpoints: " + host.endpointsFile() + " (" + services.size() + " services)");
    }

    /** An embedded endpoint's URL in the compose network: loopback becomes the serving container's name. */
    static String containerUrl(Component component, String endpoint, String url) {
        String container = component instanceof HdfsComponent ? "hdfs-namenode"
                : component instanceof PostgresComponent ? PostgresServer.COMPONENT
                : component instanceof MonitoringComponent ? endpoint : component.name();
        String moved = url.replace("127.0.0.1", container).replace("localhost", container);
        // the official Elasticsearch image keeps its security on: TLS and a password (the embedded node is loopback-only HTTP)
        return component.name().equals(ELASTICSEARCH) ? moved.replaceFirst("^http://", "https://") : moved;
    }



























    /** The user the containers run as (the owner of this folder, so they can read its 0600 files) and the project name. */
    private void environment() {
        try {
            int uid = (Integer) Files.getAttribute(host.root(), "unix:uid");
            int gid = (Integer) Files.getAttribute(host.root(), "unix:gid");
            Path file = host.root().resolve(ENV_FILE);
            Files.writeString(file, "# read by docker-compose through compose/.env; written by ./bazaar compose prepare\n"
                    + "COMPOSE_PROJECT_NAME=bazaar\nBAZAAR_UID=" + uid + "\nBAZAAR_GID=" + gid + "\n");
            // Hadoop's client asks the OS for the name of its uid before it reads HADOOP_USER_NAME
            Files.writeString(host.root().resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                    + (uid == 0 ? "" : "bazaar:x:" + uid + ":" + gid + ":Bazaar:/tmp:/usr/sbin/nologin\n"));
            folder.note("environment: " + file + " (containers run as uid " + uid + ", gid " + gid + ")");
            if (uid == 0) {
                handOverToImageUsers();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + host.root().resolve(ENV_FILE), e);
        }
    }

    /**
     * Prepared as root, the containers run as root, and the PostgreSQL and Elasticsearch images then switch to
     * users of their own (uid 999; uid 1000 of group 0), which must be able to read their 0600 files: theirs
     * they become. Otherwise every container runs as the one who prepared, who owns everything.
     */
    private void handOverToImageUsers() throws IOException {
        owned(List.of(host.confDir(PostgresServer.COMPONENT), host.dataDir(PostgresServer.COMPONENT),
                host.sslDir().resolve(PostgresServer.COMPONENT + ".key"), host.sslDir().resolve(PostgresServer.COMPONENT + ".crt"),
                host.secrets().file(PostgresServer.ADMIN_SECRET)), POSTGRES_IMAGE_USER, POSTGRES_IMAGE_USER);
        owned(List.of(host.dataDir(ELASTICSEARCH), host.sslDir().resolve(ELASTICSEARCH + ".key"),
                host.sslDir().resolve(ELASTICSEARCH + ".crt"), host.secrets().file(ELASTIC_SECRET)),
                ELASTICSEARCH_IMAGE_USER, 0);
        folder.note("prepared as root: PostgreSQL's files belong to uid " + POSTGRES_IMAGE_USER
                + ", Elasticsearch's to uid " + ELASTICSEARCH_IMAGE_USER + " (their images' users)");
    }

    private static void owned(List<Path> paths, int uid, int gid) throws IOException {
        for (Path path : paths) {
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path each : tree.toList()) {
                    Files.setAttribute(each, "unix:uid", uid);
                    Files.setAttribute(each, "unix:gid", gid);
                }
            }
        }
    }



}
