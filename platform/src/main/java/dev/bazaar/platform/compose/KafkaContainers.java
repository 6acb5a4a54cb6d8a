package dev.bazaar.platform.compose;

import dev.bazaar.common.Cluster;
import dev.bazaar.platform.connect.ConnectWorker;
import java.util.Optional;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.kafka.KafkaCluster;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.kafka.NodeNetwork;
import dev.bazaar.platform.kafka.NodeProperties;
import dev.bazaar.platform.kafka.NodeTls;
import dev.bazaar.platform.mirror.MirrorMaker;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.registry.SchemaRegistry;
import dev.bazaar.setup.PlatformSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Kafka side of {@code compose/}: the nodes, the registry, kafka-ui, MirrorMaker and Connect. */
final class KafkaContainers {

    private final ComposeFolder folder;

    KafkaContainers(ComposeFolder folder) {
        this.folder = folder;
    }

    void kafka(Cluster cluster, List<KafkaNode> nodes, Map<String, Path> keystores) {
        Secrets secrets = folder.host().secrets();
        NodeTls tls = new NodeTls(folder.container().truststore(), secrets.password(KafkaConnection.TRUSTSTORE_SECRET),
                secrets.password(PlatformTls.KEYSTORE_SECRET));
        NodeNetwork network = NodeNetwork.containers(folder::externalPort);
        String clusterId = KafkaCluster.clusterId(folder.host(), cluster);
        for (KafkaNode node : nodes) {
            if (!keystores.containsKey(node.name())) {
                throw new IllegalStateException("the catalog issues no certificate for " + node.name());
            }
            Map<String, String> props = NodeProperties.of(network, node, nodes, folder.container().dataDir(node.name()),
                    folder.container().keystore(node.name()), tls, secrets.password(ComposePrepare.BROKER));
            Path config = folder.host().confDir(node.name()).resolve("server.properties");
            PrivateFiles.writeProperties(config, props, "Kafka node " + node.name() + " in compose/, written by "
                    + "./bazaar compose prepare; paths as the container sees them");
            folder.directory(folder.host().logsDir().resolve(node.name()));
            format(node, props, clusterId);
            folder.note(node.name() + ": " + config);
        }
    }

    /** Formats a node's storage here, under the folder the container mounts as its log dir, once. */
    void format(KafkaNode node, Map<String, String> props, String clusterId) {
        Path data = folder.directory(folder.host().dataDir(node.name()));
        if (Files.exists(data.resolve("meta.properties"))) {
            return;
        }
        Map<String, String> local = new LinkedHashMap<>(props);
        local.put("log.dirs", data.toString());
        Path config = folder.host().confDir(node.name()).resolve("format.properties");
        PrivateFiles.writeProperties(config, local, "only while formatting " + node.name());
        try {
            KafkaCluster.formatStorage(node.name(), config, clusterId, folder.host().secrets().password(ComposePrepare.ADMIN),
                    folder.host().secrets().password(ComposePrepare.BROKER));
        } finally {
            folder.delete(config);
        }
    }

    void registry() {
        Secrets secrets = folder.host().secrets();
        SchemaRegistry.Site site = new SchemaRegistry.Site("0.0.0.0", folder.ports().registryHttp(), folder.ports().registryManagement(),
                folder.container().keystore(SchemaRegistry.COMPONENT), secrets.password(PlatformTls.KEYSTORE_SECRET),
                folder.container().dataDir(SchemaRegistry.COMPONENT));
        KafkaConnection journal = new KafkaConnection(folder.bootstrap(Cluster.MAIN), SchemaRegistry.PRINCIPAL,
                secrets.password(SchemaRegistry.PRINCIPAL), folder.container().truststore(),
                secrets.password(KafkaConnection.TRUSTSTORE_SECRET));
        Path file = folder.host().confDir(SchemaRegistry.COMPONENT).resolve("config/application.properties");
        PrivateFiles.writeProperties(file, SchemaRegistry.settings(site, journal, secrets),
                "Schema registry in compose/, written by ./bazaar compose prepare");
        folder.directory(folder.host().dataDir(SchemaRegistry.COMPONENT));
        folder.note("registry: " + file);
    }

    /**
     * kafka-ui on both clusters as its own read-only principal, the registry as its read-only user,
     * HTTPS with its certificate, and a sign-in form.
     */
    void kafkaUi() {
        Secrets secrets = folder.host().secrets();
        String truststorePassword = secrets.password(KafkaConnection.TRUSTSTORE_SECRET);
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (Cluster cluster : Cluster.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", cluster.toString());
            entry.put("bootstrapServers", folder.bootstrap(cluster));
            entry.put("readOnly", true);
            entry.put("properties", Map.of("security.protocol", KafkaConnection.SECURITY_PROTOCOL,
                    "sasl.mechanism", KafkaConnection.SASL_MECHANISM,
                    "sasl.jaas.config", KafkaConnection.jaasConfig(ComposePrepare.KAFKA_UI, secrets.password(ComposePrepare.KAFKA_UI))));
            entry.put("ssl", Map.of("truststoreLocation", folder.container().truststore().toString(),
                    "truststorePassword", truststorePassword));
            if (cluster == Cluster.MAIN) {
                entry.put("schemaRegistry", folder.registryUrl() + RegistryConnection.CCOMPAT_PATH);
                entry.put("schemaRegistryAuth", Map.of("username", RegistryUser.READONLY.username(),
                        "password", secrets.password(RegistryUser.READONLY.secretName())));
                entry.put("kafkaConnect", List.of(Map.of("name", ConnectWorker.COMPONENT,
                        "address", "https://" + ConnectWorker.COMPONENT + ":" + folder.ports().connectRest(),
                        "username", ComposePrepare.KAFKA_UI_CONNECT.name(),
                        "password", ComposePrepare.KAFKA_UI_CONNECT.password(folder.host()))));
            }
            clusters.add(entry);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kafka", Map.of("clusters", clusters));
        config.put("auth", Map.of("type", "LOGIN_FORM"));
        config.put("spring", Map.of("security", Map.of("user", Map.of("name", ComposePrepare.KAFKA_UI_USER,
                "password", secrets.password(ComposePrepare.KAFKA_UI_LOGIN_SECRET)))));
        config.put("server", Map.of("port", ComposePrepare.KAFKA_UI_PORT, "ssl", Map.of("enabled", true,
                "key-store", folder.container().keystore(ComposePrepare.KAFKA_UI).toString(), "key-store-type", "PKCS12",
                "key-store-password", secrets.password(PlatformTls.KEYSTORE_SECRET), "key-alias", ComposePrepare.KAFKA_UI)));
        Path file = folder.host().confDir(ComposePrepare.KAFKA_UI).resolve("config.yml");
        PrivateFiles.write(file, "# kafka-ui in compose/, written by ./bazaar compose prepare\n" + folder.yaml(config));
        folder.note("kafka-ui: " + file);
    }

    /** MirrorMaker 2 in dedicated mode, the embedded one's {@code mm2.properties}: main to mirror as principal mirror. */
    void mirrorMaker() {
        new MirrorMaker(folder.host(), null, null, PlatformSpec.load().mirroredTopics())
                .prepare(folder.connection(Cluster.MAIN, MirrorMaker.PRINCIPAL), folder.connection(Cluster.MIRROR, MirrorMaker.PRINCIPAL));
        folder.relocate(folder.host().confDir(MirrorMaker.COMPONENT));
        folder.directory(folder.host().logsDir().resolve(MirrorMaker.COMPONENT));
        folder.note("mirror-maker: " + folder.host().confDir(MirrorMaker.COMPONENT).resolve("mm2.properties"));
    }

    /**
     * The Connect worker: the embedded worker's properties with its REST listener on every interface, advertised
     * at its name, and our connector plugins copied under {@code lib/plugins}; the connectors themselves are
     * applied by the setup service from {@code setup/connectors/}.
     */
    void connect(PlatformConfig config) {
        List<Path> plugins = new ArrayList<>();
        for (Path plugin : config.connectorPluginPath()) {
            Path copy = folder.host().root().resolve("lib/plugins").resolve(plugin.getParent().getParent().getFileName());
            folder.copyTree(plugin, copy);
            plugins.add(copy);
        }
        new ConnectWorker(folder.host(), null, plugins, folder.ports().connectRest(), Optional.empty())
                .prepare(folder.connection(Cluster.MAIN, ConnectWorker.PRINCIPAL), "0.0.0.0", ConnectWorker.COMPONENT,
                        List.of(ComposePrepare.KAFKA_UI_CONNECT));
        folder.relocate(folder.host().confDir(ConnectWorker.COMPONENT));
        folder.directory(folder.host().logsDir().resolve(ConnectWorker.COMPONENT));
        folder.note("connect: " + folder.host().confDir(ConnectWorker.COMPONENT) + " (plugins: " + plugins.size() + ")");
    }
}
