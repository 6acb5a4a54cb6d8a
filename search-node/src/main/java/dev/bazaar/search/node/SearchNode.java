package dev.bazaar.search.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * One running Elasticsearch node, started through the plain {@link Node} API instead of the
 * distribution's launcher (which is not on Maven Central): environment from settings, the
 * transport-netty4 module from a modules folder, no plugins. These are Elasticsearch internals,
 * which is why the version is pinned.
 */
public final class SearchNode {

    private static final Logger log = LogManager.getLogger(SearchNode.class);

    private final Node node;

    private SearchNode(Node node) {
        this.node = node;
    }

    /**
     * Creates the folders, configures Elasticsearch's logging and starts the node; returns once it
     * listens on HTTP (the cluster may still be electing itself master).
     *
     * @throws SearchNodeStartException when any step fails; a half-built node is closed first
     */
    public static SearchNode start(SearchNodeConfig config) {
        Settings settings = SearchNodeSettings.of(config);
        Path configDir = createFolders(config);
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), configDir,
                () -> SearchNodeSettings.NODE_NAME);
        Node node = construct(environment, config.modules());
        try {
            node.start();
            return new SearchNode(node);
        } catch (NodeValidationException | RuntimeException e) {
            closeQuietly(node);
            throw new SearchNodeStartException("the node did not start: " + e.getMessage(), e);
        }
    }

    /** The address the REST API is bound to. */
    public TransportAddress httpAddress() {
        return node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
    }

    /**
     * Stops accepting requests, closes the indices and waits at most {@code timeout} for the node's
     * threads to finish, as Elasticsearch's own shutdown does.
     *
     * @return whether everything stopped within {@code timeout}
     */
    public boolean close(Duration timeout) throws IOException, InterruptedException {
        node.prepareForClose();
        node.close();
        return node.awaitClose(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Node construct(Environment environment, Path modules) {
        try {
            PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                    PluginsLoader.loadModulesBundles(modules, false), Set.of(), Map.of(), false);
            return new Node(environment, plugins);
        } catch (RuntimeException e) {
            throw new SearchNodeStartException("the node could not be built from " + modules + ": " + e.getMessage(), e);
        }
    }

    private static Path createFolders(SearchNodeConfig config) {
        Path configDir = config.home().resolve("config");
        try {
            Files.createDirectories(configDir);
            Files.createDirectories(config.data());
            Files.createDirectories(config.logs());
            return configDir;
        } catch (IOException e) {
            throw new SearchNodeStartException("cannot create the node's folders under " + config.home(), e);
        }
    }

    private static void closeQuietly(Node node) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            log.warn("could not close the node that failed to start", e);
        }
    }
}
