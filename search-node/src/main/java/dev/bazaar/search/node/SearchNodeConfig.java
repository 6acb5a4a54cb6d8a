package dev.bazaar.search.node;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the search node keeps its state and which loopback ports it listens on, read from the
 * environment the launcher gives the process and validated before Elasticsearch sees any of it.
 *
 * @param home       Elasticsearch's {@code path.home}; its {@code config/} folder is created if missing
 * @param data       {@code path.data}: the indices
 * @param logs       {@code path.logs}
 * @param modules    the folder holding {@code transport-netty4/} (the HTTP and transport layer)
 * @param httpPort   the REST port on 127.0.0.1
 * @param transportPort the node-to-node port on 127.0.0.1 (single node: only bound, never joined)
 */
public record SearchNodeConfig(Path home, Path data, Path logs, Path modules, int httpPort, int transportPort) {

    public static final String HOME = "BAZAAR_ES_HOME";
    public static final String HOME_DOC = "path.home of the node (required); config/ is created under it";

    public static final String DATA = "BAZAAR_ES_DATA";
    public static final String DATA_DOC = "path.data: where the indices live";
    public static final String DATA_DEFAULT = "<BAZAAR_ES_HOME>/data";

    public static final String LOGS = "BAZAAR_ES_LOGS";
    public static final String LOGS_DOC = "path.logs; the node itself logs to stdout";
    public static final String LOGS_DEFAULT = "<BAZAAR_ES_HOME>/logs";

    public static final String MODULES = "BAZAAR_ES_MODULES";
    public static final String MODULES_DOC = "folder with the transport-netty4 module; must exist";
    public static final String MODULES_DEFAULT = "modules/ beside search-node.jar (target/modules)";

    public static final String HTTP_PORT = "BAZAAR_HTTP_PORT";
    public static final String HTTP_PORT_DOC = "REST port on 127.0.0.1, 1-65535";
    public static final int HTTP_PORT_DEFAULT = 9200;

    public static final String TRANSPORT_PORT = "BAZAAR_ES_TRANSPORT_PORT";
    public static final String TRANSPORT_PORT_DOC = "transport port on 127.0.0.1, 1-65535, not the HTTP port";
    public static final int TRANSPORT_PORT_DEFAULT = 9300;

    /** The module folder the node cannot serve HTTP without. */
    static final String NETTY4_MODULE = "transport-netty4";

    public SearchNodeConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(modules, "modules");
    }

    /**
     * Reads and checks the variables.
     *
     * @param env            the process environment
     * @param defaultModules the modules folder to use when {@value #MODULES} is unset
     * @throws SearchNodeConfigException naming the first variable that is wrong
     */
    public static SearchNodeConfig fromEnvironment(Map<String, String> env, Path defaultModules) {
        Path home = path(env, HOME, null);
        Path data = path(env, DATA, home.resolve("data"));
        Path logs = path(env, LOGS, home.resolve("logs"));
        Path modules = path(env, MODULES, defaultModules);
        requireModule(env, modules);
        int httpPort = port(env, HTTP_PORT, HTTP_PORT_DEFAULT);
        int transportPort = port(env, TRANSPORT_PORT, TRANSPORT_PORT_DEFAULT);
        if (httpPort == transportPort) {
            throw new SearchNodeConfigException(TRANSPORT_PORT, Integer.toString(transportPort),
                    "the same port as " + HTTP_PORT);
        }
        return new SearchNodeConfig(home, data, logs, modules, httpPort, transportPort);
    }

    private static Path path(Map<String, String> env, String variable, Path defaultValue) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            if (defaultValue == null) {
                throw new SearchNodeConfigException(variable, value, "required: a folder path");
            }
            return defaultValue.toAbsolutePath().normalize();
        }
        try {
            return Path.of(value.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SearchNodeConfigException(variable, value, "not a path (" + e.getReason() + ")");
        }
    }

    private static void requireModule(Map<String, String> env, Path modules) {
        if (!Files.isDirectory(modules.resolve(NETTY4_MODULE))) {
            throw new SearchNodeConfigException(MODULES, env.getOrDefault(MODULES, modules.toString()),
                    "no " + NETTY4_MODULE + "/ folder in " + modules + " (build search-node with mvn verify)");
        }
    }

    private static int port(Map<String, String> env, String variable, int defaultValue) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new SearchNodeConfigException(variable, value, "not a port number (1-65535)");
        }
        if (port < 1 || port > 65535) {
            throw new SearchNodeConfigException(variable, value, "out of the port range 1-65535");
        }
        return port;
    }
}
