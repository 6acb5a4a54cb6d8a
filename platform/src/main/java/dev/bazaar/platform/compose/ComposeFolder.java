package dev.bazaar.platform.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.bazaar.common.Cluster;
import java.io.File;
import java.util.stream.Stream;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.kafka.KafkaNode;
import dev.bazaar.platform.monitoring.WebConfig;
import dev.bazaar.platform.process.PrivateFiles;
import dev.bazaar.platform.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code var/compose/} while {@code compose prepare} writes it: where each thing goes on the host and where
 * its container sees it, the compose network's names and ports, and the file chores every part shares.
 */
final class ComposeFolder {

    private final Path home;
    private final RuntimeLayout host;
    private final RuntimeLayout container = new RuntimeLayout(ComposePrepare.CONTAINER_VAR);
    private final PortPlan ports = new PortPlan(PortPlan.DEFAULT_BASE);
    private final List<String> written = new ArrayList<>();

    ComposeFolder(Path home, Path folder) {
        this.home = home;
        this.host = new RuntimeLayout(folder);
    }

    /** The checkout, whose build and data {@code prepare} reads. */
    Path home() {
        return home;
    }

    /** {@code var/compose/} as {@code prepare} writes it. */
    RuntimeLayout host() {
        return host;
    }

    /** {@code var/compose/} as the containers mount it. */
    RuntimeLayout container() {
        return container;
    }

    /** The embedded platform's ports, the containers' too. */
    PortPlan ports() {
        return ports;
    }

    /** Records what was written, for the user. */
    void note(String line) {
        written.add(line);
    }

    List<String> written() {
        return List.copyOf(written);
    }

    /** The nodes of {@code cluster} as they run in compose: host {@code <cluster>-<id>}, the in-network ports. */
    public List<KafkaNode> nodes(Cluster cluster) {
        int count = cluster == Cluster.MAIN ? PortPlan.MAIN_NODES : 1;
        return IntStream.rangeClosed(1, count).mapToObj(id -> new KafkaNode(cluster.toString(), id, ComposePrepare.BROKER_PORT,
                ComposePrepare.CONTROLLER_PORT, cluster == Cluster.MAIN ? ports.mainBrokerMetrics(id) : ports.mirrorBrokerMetrics()))
                .toList();
    }

    /** The port of a node's EXTERNAL listener, the same as its broker port in the embedded platform. */
    public int externalPort(KafkaNode node) {
        return node.cluster().equals(Cluster.MAIN.toString()) ? ports.mainBroker(node.id()) : ports.mirrorBroker();
    }

    /** The in-network bootstrap servers of {@code cluster}. */
    public String bootstrap(Cluster cluster) {
        return nodes(cluster).stream().map(node -> node.name() + ":" + node.brokerPort())
                .collect(Collectors.joining(","));
    }

    public String registryUrl() {
        return "https://" + SchemaRegistry.COMPONENT + ":" + ports.registryHttp();
    }

    /** {@code principal}'s connection to {@code cluster} in the compose network (host paths: {@link #relocate} moves them). */
    KafkaConnection connection(Cluster cluster, String principal) {
        Secrets secrets = host.secrets();
        return new KafkaConnection(bootstrap(cluster), principal, secrets.password(principal), host.truststore(),
                secrets.password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    /** {@code ssl/<identity>.key} (0600) and {@code .crt} (its chain): its keystore as PEM, for images that read PEM. */
    void exportPem(String identity) {
        WebConfig.exportPem(host, identity, host.sslDir().resolve(identity + ".crt"), host.sslDir().resolve(identity + ".key"));
    }

    /**
     * Copies {@code jars} into {@code lib/<name>} (which its container mounts) and writes {@code lib/<name>/java.args},
     * the java argument file of its JVM: the options, the classpath in the build's order, the main class.
     */
    List<String> library(String name, List<Path> jars) {
        Path lib = host.root().resolve("lib").resolve(name);
        List<String> classpath = new ArrayList<>();
        try {
            directory(lib);
            try (Stream<Path> old = Files.list(lib)) {
                for (Path stale : old.toList()) {
                    Files.delete(stale);
                }
            }
            for (Path jar : jars) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(name + "'s classpath names " + jar + ", which is missing: rebuild with "
                            + "'./mvnw -DskipTests install'");
                }
                Path copy = lib.resolve(jar.getFileName());
                if (Files.exists(copy)) {
                    throw new IllegalStateException(name + "'s classpath has two jars named " + jar.getFileName());
                }
                linkOrCopy(jar, copy);
                classpath.add(ComposePrepare.CONTAINER_VAR.resolve("lib").resolve(name).resolve(jar.getFileName()).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the classpath of " + name + " into " + lib, e);
        }
        note(name + ": " + lib + " (" + jars.size() + " jars)");
        return classpath;
    }

    /** {@code lib/<name>}: the jars, and {@code java.args}, the argument file its container's {@code java} reads. */
    void java(String name, List<Path> jars, List<String> jvmOptions, String mainClass) {
        List<String> classpath = library(name, jars);
        List<String> args = new ArrayList<>(jvmOptions);
        args.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), mainClass));
        PrivateFiles.write(host.root().resolve("lib").resolve(name).resolve("java.args"), String.join("\n", args) + "\n");
    }

    /** {@code path} as a container sees it: the runtime folder at {@link #ComposePrepare.CONTAINER_VAR}, the checkout at {@link #ComposePrepare.CONTAINER_HOME}. */
    String containerPath(String path) {
        return path.replace(host.root().toString(), ComposePrepare.CONTAINER_VAR.toString()).replace(home.toString(),
                ComposePrepare.CONTAINER_HOME.toString());
    }

    /** Rewrites what the launcher's code wrote under {@code dir} with the paths as containers see them. */
    void relocate(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                String moved = containerPath(text);
                if (!moved.equals(text)) {
                    PrivateFiles.write(file, moved);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the paths under " + dir, e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.deleteIfExists(target);
                    linkOrCopy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    static String yaml(Object value) {
        try {
            return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                    .writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }

    static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /**
     * A hard link where the file system allows one (the jars of Maven's repository: about 1 GB of copies for
     * every service's classpath otherwise), a copy elsewhere; either way a later build leaves it as it was,
     * since Maven replaces files rather than writing into them.
     */
    static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
