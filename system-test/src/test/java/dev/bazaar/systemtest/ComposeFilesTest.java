package dev.bazaar.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.compose.ComposePrepare;
import dev.bazaar.platform.component.Catalog;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.connect.ConnectorComponent;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.service.ServiceComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code compose/} against what {@code compose prepare} writes and what the embedded platform declares:
 * every file a container mounts exists after {@code prepare}, no Kafka listener is PLAINTEXT, no secret is
 * in {@code compose/}, published ports are the embedded platform's, and Debian's docker-compose 1.29 accepts
 * every combination of files the README documents. Containers cannot run on these machines (no engine).
 * In the system test because {@code prepare} copies every module's build: it runs after all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeFilesTest {

    private static final Path HOME = Path.of(System.getProperty("bazaar.home", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE = HOME.resolve("compose");
    private static final String PREPARED = "../var/compose/";
    /** A documented command: {@code docker-compose -f compose/a.yml [-f compose/b.yml ...] ...}. */
    private static final Pattern DOCUMENTED = Pattern.compile("docker-compose((?:\\s+-f\\s+compose/[a-z-]+\\.yml)+)");
    private static final Pattern FILE_OPTION = Pattern.compile("-f\\s+(compose/[a-z-]+\\.yml)");

    private Path checkout;
    private Path prepared;
    private ComposePrepare prepare;
    private Map<String, Map<String, Object>> services;

    @BeforeAll
    void prepareIntoAFolderOfTheTest(@TempDir Path folder) throws IOException {
        // a checkout of the test's own: compose/ copied (its .env link kept), var/compose prepared
        checkout = folder;
        prepared = folder.resolve("var/compose");
        prepare = new ComposePrepare(HOME, prepared);
        prepare.prepare();
        Files.createDirectories(folder.resolve("compose"));
        for (Path file : composeFiles()) {
            Files.copy(file, folder.resolve("compose").resolve(file.getFileName()));
        }
        Files.createSymbolicLink(folder.resolve("compose/.env"), Files.readSymbolicLink(COMPOSE.resolve(".env")));
        services = new LinkedHashMap<>();
        composeFiles().forEach(file -> services.putAll(services(file)));
    }

    @Test
    void everyFileAContainerMountsIsWrittenByPrepare() {
        // given the volumes of every service that come from var/compose
        List<String> missing = new ArrayList<>();
        services.forEach((name, service) -> volumes(service).stream().filter(v -> v.startsWith(PREPARED))
                .map(v -> v.substring(PREPARED.length(), v.indexOf(':')))
                // then each exists once prepared
                .filter(source -> !Files.exists(prepared.resolve(source)))
                .forEach(source -> missing.add(name + ": " + source)));
        services.forEach((name, service) -> envFiles(service).stream().filter(f -> f.startsWith(PREPARED))
                .map(f -> f.substring(PREPARED.length())).filter(f -> !Files.exists(prepared.resolve(f)))
                .forEach(f -> missing.add(name + ": env_file " + f)));
        assertThat(missing).as("mounted but not written by prepare").isEmpty();
        assertThat(services).as("services of compose/").isNotEmpty();
    }

    @Test
    void noKafkaListenerIsPlaintextEveryClientListenerIsSaslSslAndControllersRequireCertificates() throws IOException {
        for (KafkaNode node : nodes()) {
            // given the node's configuration as prepared
            Properties props = properties(prepared.resolve("conf").resolve(node.name()).resolve("server.properties"));
            Map<String, String> protocols = new LinkedHashMap<>();
            Arrays.stream(props.getProperty("listener.security.protocol.map").split(","))
                    .map(pair -> pair.split(":")).forEach(pair -> protocols.put(pair[0], pair[1]));

            // then every listener is SASL_SSL but the controllers', which is TLS with client certificates
            for (String listener : props.getProperty("listeners").split(",")) {
                String name = listener.substring(0, listener.indexOf(':'));
                assertThat(protocols.get(name)).as("%s's listener %s", node.name(), name)
                        .isEqualTo(name.equals("CONTROLLER") ? "SSL" : "SASL_SSL");
            }
            assertThat(props.getProperty("listener.name.controller.ssl.client.auth")).as(node.name()).isEqualTo("required");
            assertThat(props.stringPropertyNames()).as("%s's settings", node.name())
                    .noneMatch(key -> props.getProperty(key).contains("PLAINTEXT"));
            // and the host reaches it at the embedded platform's port, in the network at its name
            assertThat(props.getProperty("advertised.listeners")).as(node.name()).isEqualTo("SASL_SSL://" + node.name()
                    + ":" + ComposePrepare.BROKER_PORT + ",EXTERNAL://localhost:" + embeddedPort(node));
        }
        services.forEach((name, service) ->
                assertThat(service.toString()).as("service %s", name).doesNotContainIgnoringCase("plaintext"));
    }

    @Test
    void noSecretIsInComposeOnlyReferencesToWhatPrepareWrote() throws IOException {
        // given every password prepare generated
        List<String> passwords;
        try (Stream<Path> files = Files.list(prepared.resolve("secrets"))) {
            passwords = files.map(ComposeFilesTest::read).toList();
        }
        assertThat(passwords).as("generated passwords").hasSizeGreaterThan(10);

        // then none is in compose/, and no variable there is given a secret as a value
        try (Stream<Path> files = Files.walk(COMPOSE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertThat(passwords).as("passwords in %s", file).noneMatch(text::contains);
            }
        }
        // a variable about a secret names a file, which a volume brings from prepare's secrets
        services.forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (key.matches("(?i).*(password|secret|jaas|token|credential).*")) {
                assertThat(key).as("%s's variable %s", name, key).endsWith("_FILE");
                assertThat(volumes(service)).as("%s's %s=%s comes from var/compose/secrets", name, key, value)
                        .anyMatch(mount -> mount.startsWith(PREPARED + "secrets")
                                && String.valueOf(value).startsWith(mount.split(":")[1]));
            }
        }));
        // the variables docker-compose reads come from prepare's folder too
        assertThat(Files.readSymbolicLink(COMPOSE.resolve(".env")).toString())
                .isEqualTo(PREPARED + ComposePrepare.ENV_FILE);
    }

    @Test
    void portsArePublishedOnLoopbackOnlyAtTheEmbeddedPlatformsNumbersAndOnlyWhereTheEmbeddedOnesListen() {
        // given the ports the embedded platform's clients use, by the container that serves each here
        PortPlan plan = new PortPlan(PortPlan.DEFAULT_BASE);
        Map<String, Integer> expected = new LinkedHashMap<>();
        nodes().forEach(node -> expected.put(node.name(), embeddedPort(node)));
        expected.put("registry", plan.registryHttp());
        expected.put("connect", plan.connectRest());
        expected.put("elasticsearch", plan.elasticsearchHttp());
        expected.put("postgres", plan.postgres());
        expected.put("prometheus", plan.prometheus());
        expected.put("alertmanager", plan.alertmanager());
        catalog().all(ServiceComponent.class).stream().filter(service -> !service.name().equals("elasticsearch"))
                .forEach(service -> expected.put(service.name(), service.service().launchSpec().port()));
        expected.put(ComposePrepare.KAFKA_UI, ComposePrepare.KAFKA_UI_PORT);
        expected.put(ComposePrepare.GRAFANA, 3000);

        // then each publishes exactly that port on loopback, and no other container publishes any
        services.forEach((name, service) -> assertThat(ports(service)).as("%s's published ports", name)
                .isEqualTo(expected.containsKey(name) ? List.of(published(expected.get(name))) : List.of()));
        assertThat(services.keySet()).as("services").containsAll(expected.keySet());
    }

    @Test
    void everyProcessTheCatalogRunsIsAContainerOfItsNameThatDependsOnWhatTheComponentDependsOn() {
        // given the platform's catalog, each component's processes
        Catalog catalog = catalog();
        for (Component component : catalog.all()) {
            List<String> processes = component.processes().stream().map(ManagedProcess::component).toList();
            // then each process is a service of compose/
            assertThat(services.keySet()).as("the containers of %s", component.name()).containsAll(processes);
            // and each reaches, through depends_on, every process of what its component depends on
            for (String process : processes) {
                List<String> reached = reachable(process);
                for (String dependency : component.dependencies()) {
                    assertThat(reached).as("%s depends on %s", process, dependency).containsAll(
                            catalog.component(dependency).processes().stream().map(ManagedProcess::component).toList());
                }
            }
        }
        // a connector has no process: setup-connectors applies every file of setup/connectors/
        assertThat(catalog.all(ConnectorComponent.class)).as("connectors").isNotEmpty();
        assertThat(volumes(services.get("setup-connectors"))).contains("../setup/connectors:/bazaar/home/setup/connectors:ro");
    }

    @Test
    void kafkaUiReadsBothClustersAsItsOwnPrincipalTheRegistryReadOnlyAndConnectAsItsOwnRestUser() throws IOException {
        // given kafka-ui's configuration and Connect's REST users, as prepared
        Map<String, Object> config = yaml(prepared.resolve("conf/kafka-ui/config.yml"));
        String restUsers = Files.readString(prepared.resolve("conf/connect/rest-users.properties"));
        List<?> clusters = (List<?>) ((Map<?, ?>) config.get("kafka")).get("clusters");

        // then each cluster is read-only as principal kafka-ui, and main names the registry and Connect
        assertThat(clusters).hasSize(2).allSatisfy(cluster -> {
            assertThat(((Map<?, ?>) cluster).get("readOnly")).isEqualTo(true);
            assertThat(((Map<?, ?>) cluster).get("properties")).asString().contains("username=\"kafka-ui\"");
        });
        Map<?, ?> connect = (Map<?, ?>) ((List<?>) ((Map<?, ?>) clusters.get(0)).get("kafkaConnect")).get(0);
        assertThat(restUsers).as("Connect's REST users").contains("kafka-ui: " + connect.get("password"));
        assertThat(connect.get("address")).isEqualTo("https://connect:" + new PortPlan(PortPlan.DEFAULT_BASE).connectRest());
        assertThat(((Map<?, ?>) clusters.get(0)).get("schemaRegistryAuth")).asString().contains("username=readonly");
        assertThat(config.get("auth")).asString().contains("LOGIN_FORM");
    }

    @Test
    void theContainersRunAsThePreparerAndTheImagesThatSwitchUsersCanReadTheirOwnFiles() throws IOException {
        // given who prepared the folder
        int uid = (Integer) Files.getAttribute(prepared, "unix:uid");
        String env = Files.readString(prepared.resolve(ComposePrepare.ENV_FILE));
        assertThat(env).contains("BAZAAR_UID=" + uid);
        Path postgresKey = prepared.resolve("ssl/postgres.key");
        Path elasticPassword = prepared.resolve("secrets/elasticsearch-elastic.password");
        if (uid == 0) {
            // then as root, PostgreSQL's and Elasticsearch's images switch to their own users: the files are theirs
            assertThat(Files.getAttribute(postgresKey, "unix:uid")).as("postgres.key's owner").isEqualTo(999);
            assertThat(Files.getAttribute(prepared.resolve("data/postgres"), "unix:uid")).isEqualTo(999);
            assertThat(Files.getAttribute(elasticPassword, "unix:uid")).as("elastic's password's owner").isEqualTo(1000);
            assertThat(Files.readString(prepared.resolve("passwd"))).doesNotContain("bazaar:");
        } else {
            // else every container runs as the preparer, who owns everything, and Hadoop's client finds its name
            assertThat(Files.getAttribute(postgresKey, "unix:uid")).isEqualTo(uid);
            assertThat(Files.getAttribute(elasticPassword, "unix:uid")).isEqualTo(uid);
            assertThat(Files.readString(prepared.resolve("passwd"))).contains("bazaar:x:" + uid + ":");
        }
        // and the key and passwords stay readable by their owner alone
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(postgresKey)))
                .isEqualTo("rw-------");
    }

    @Test
    void theMonitoringServersRunWithTheArgumentsTheEmbeddedPlatformGivesThem() {
        Map<String, List<String>> expected = prepare.monitoringArguments();
        assertThat(expected).as("servers").containsOnlyKeys("prometheus", "alertmanager", "blackbox-exporter");
        expected.forEach((server, args) -> assertThat(services.get(server).get("command")).as(server).isEqualTo(args));
    }

    @Test
    void grafanaProvisionsTheDatasourceEveryDashboardQueriesAndEveryDashboard() throws IOException {
        // given Grafana's mounts and the provisioning files of grafana/
        List<String> mounts = volumes(services.get(ComposePrepare.GRAFANA));
        Map<String, Object> provider = yaml(HOME.resolve("grafana/provisioning/dashboards/bazaar.yml"));
        Map<String, Object> datasources = yaml(HOME.resolve("grafana/provisioning/datasources/prometheus.yml"));

        // then the provider reads the folder the dashboards are mounted at, and the provisioning is mounted
        assertThat(mounts).contains("../grafana/provisioning:/etc/grafana/provisioning:ro");
        String path = (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) provider.get("providers")).get(0)).get("options")).get("path");
        assertThat(mounts).contains("../grafana/dashboards:" + path + ":ro");
        // and the datasource is the uid every dashboard queries, at the Prometheus container, its files mounted
        Map<?, ?> datasource = (Map<?, ?>) ((List<?>) datasources.get("datasources")).get(0);
        try (Stream<Path> dashboards = Files.list(HOME.resolve("grafana/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                assertThat(Files.readString(dashboard)).as(dashboard.toString())
                        .contains("\"uid\": \"" + datasource.get("uid") + "\"");
            }
        }
        assertThat(datasource.get("url")).isEqualTo("https://prometheus:" + new PortPlan(PortPlan.DEFAULT_BASE).prometheus());
        ((Map<?, ?>) datasource.get("secureJsonData")).values().forEach(value -> {
            String file = value.toString().replaceFirst("^\\$__file\\{(.*)}$", "$1");
            assertThat(mounts).as("the file of %s", value).anyMatch(mount -> mount.contains(":" + file + ":"));
        });
    }

    private List<String> reachable(String service) {
        List<String> reached = new ArrayList<>();
        List<String> next = new ArrayList<>(List.of(service));
        while (!next.isEmpty()) {
            String current = next.remove(0);
            for (String dependency : dependsOn(services.get(current))) {
                if (!reached.contains(dependency)) {
                    reached.add(dependency);
                    next.add(dependency);
                }
            }
        }
        return reached;
    }

    @SuppressWarnings("unchecked")
    private static List<String> dependsOn(Map<String, Object> service) {
        Object value = service == null ? null : service.get("depends_on");
        if (value instanceof Map<?, ?> map) {
            return List.copyOf((java.util.Set<String>) map.keySet());
        }
        return value == null ? List.of() : (List<String>) value;
    }

    private Catalog catalog() {
        return prepare.catalogPlatform().catalog();
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    @Test
    void theContainersReachTheClustersAndTheRegistryAtTheirServiceNames() {
        PlatformEndpoints endpoints = PlatformEndpoints.load(new RuntimeLayout(prepared));
        for (Cluster cluster : Cluster.values()) {
            for (String address : endpoints.bootstrap(cluster).split(",")) {
                assertThat(services).as("the service of %s", address).containsKey(address.substring(0, address.indexOf(':')));
            }
        }
        assertThat(services).containsKey(java.net.URI.create(endpoints.registryUrl()).getHost());
    }

    @Test
    void dockerComposeAcceptsEveryCombinationOfFilesTheReadmeDocuments() throws Exception {
        // given each docker-compose command of the README
        List<List<String>> combinations = new ArrayList<>();
        Matcher commands = DOCUMENTED.matcher(Files.readString(HOME.resolve("README.md")));
        while (commands.find()) {
            List<String> files = FILE_OPTION.matcher(commands.group(1)).results().map(r -> r.group(1)).toList();
            if (!combinations.contains(files)) {
                combinations.add(files);
            }
        }
        assertThat(combinations).as("documented combinations").isNotEmpty();
        assertThat(combinations.stream().flatMap(List::stream).distinct().map(HOME::resolve))
                .as("files documented").containsAll(composeFiles());

        // then docker-compose validates each in the test's checkout, with the variables prepare wrote (compose/.env)
        for (List<String> files : combinations) {
            List<String> command = new ArrayList<>(List.of(dockerCompose()));
            files.forEach(file -> command.addAll(List.of("-f", file)));
            command.addAll(List.of("config", "-q"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("BAZAAR_") || name.startsWith("COMPOSE_"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("%s:%n%s", String.join(" ", command), output).isZero();
        }
    }

    private static String dockerCompose() {
        Path debian = Path.of("/usr/bin/docker-compose");
        assertThat(debian).as("Debian's docker-compose (./bazaar test installs it: apt-get install docker-compose)")
                .isExecutable();
        return debian.toString();
    }

    private List<KafkaNode> nodes() {
        return Stream.of(Cluster.values()).flatMap(cluster -> prepare.nodes(cluster).stream()).toList();
    }

    private int embeddedPort(KafkaNode node) {
        return prepare.externalPort(node);
    }

    private static String published(int port) {
        return "127.0.0.1:" + port + ":" + port;
    }

    private static List<Path> composeFiles() {
        try (Stream<Path> files = Files.list(COMPOSE)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> root = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) root.get("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        return (List<String>) service.getOrDefault("volumes", List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> envFiles(Map<String, Object> service) {
        Object value = service.get("env_file");
        return value == null ? List.of() : value instanceof String file ? List.of(file) : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(Map<String, Object> service) {
        return (List<String>) service.getOrDefault("ports", List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    private static Properties properties(Path file) throws IOException {
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return props;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
