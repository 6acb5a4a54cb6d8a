package dev.bazaar.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the Connect worker run the connectors declared in {@code setup/connectors/*.json}: each is
 * created or updated with an idempotent {@code PUT /connectors/<name>/config} only when its config
 * differs, then awaited until the connector and all its tasks are RUNNING. A file's values may name
 * the platform's endpoints as {@code ${elasticsearch.url}}, and its secrets folder as
 * {@code ${secrets.dir}}; an unknown placeholder is an error. A secret is never written into a file
 * nor filled in here: a value whose key names a password must be a reference the Connect worker's
 * config provider resolves, {@code ${dir:${secrets.dir}:<secret>.password}}, so the password stays
 * out of the config sent over REST and kept in Connect's config topic.
 */
public final class ConnectorApplier {

    /** The placeholder of the platform's secrets folder ({@code var/secrets}), for config provider references. */
    public static final String SECRETS_DIR = "secrets.dir";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.-]+)}");
    /** A reference a worker config provider resolves: {@code ${provider:path:key}} or {@code ${provider:key}}. */
    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{[a-zA-Z0-9_.-]+:[^}]+}");
    private final ConnectRest connect;
    private final Map<String, String> placeholders;

    public ConnectorApplier(ConnectRest connect, Map<String, String> placeholders) {
        this.connect = connect;
        this.placeholders = Map.copyOf(placeholders);
    }

    /** A connector as declared: its name and its config with the placeholders resolved. */
    public record ConnectorSpec(String name, Path file, Map<String, String> config) {

        public String connectorClass() {
            return config.get("connector.class");
        }
    }

    /**
     * The placeholders of one endpoint: {@code <name>.url} and, for a connector that wants its parts
     * (Debezium asks for host, port and database, not a URL), {@code <name>.host}, {@code <name>.port},
     * {@code <name>.database} (the path without its slash) and {@code <name>.<parameter>} for each query
     * parameter ({@code ${postgres-jdbc.sslrootcert}}). A {@code jdbc:} prefix is looked through.
     */
    public static Map<String, String> endpointPlaceholders(String name, String url) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put(name + ".url", url);
        URI uri;
        try {
            uri = new URI(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        } catch (URISyntaxException e) {
            return placeholders;
        }
        if (uri.getHost() != null) {
            placeholders.put(name + ".host", uri.getHost());
        }
        if (uri.getPort() >= 0) {
            placeholders.put(name + ".port", Integer.toString(uri.getPort()));
        }
        if (uri.getPath() != null && uri.getPath().length() > 1) {
            placeholders.put(name + ".database", uri.getPath().substring(1));
        }
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0) {
                    placeholders.putIfAbsent(name + "." + URLDecoder.decode(parameter.substring(0, equals),
                            StandardCharsets.UTF_8), URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return placeholders;
    }

    /** The endpoint a placeholder belongs to: {@code postgres-jdbc} of {@code postgres-jdbc.sslrootcert}. */
    public static String endpointOf(String placeholder) {
        int dot = placeholder.indexOf('.');
        return dot < 0 ? placeholder : placeholder.substring(0, dot);
    }

    /**
     * The placeholders of the runtime layout rather than of a component's endpoints, to add to those
     * of the endpoints: {@value #SECRETS_DIR}.
     */
    public static Map<String, String> layoutPlaceholders(RuntimeLayout layout) {
        return Map.of(SECRETS_DIR, layout.secretsDir().toString());
    }

    /**
     * The endpoint placeholders a connector file names ({@code ${elasticsearch.url}} gives
     * {@code elasticsearch.url}): the components it depends on. Those of the layout
     * ({@link #layoutPlaceholders}) are no component's and are left out.
     */
    public static Set<String> placeholdersOf(Path file) {
        try {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
            Set<String> names = new TreeSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            names.remove(SECRETS_DIR);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector config " + file, e);
        }
    }

    /** The connectors declared in {@code folder}, read without a Connect worker (none need be running). */
    public static List<ConnectorSpec> declared(Path folder, Map<String, String> placeholders) {
        return new ConnectorApplier(null, placeholders).load(folder);
    }

    /** Reads every {@code *.json} of {@code folder}, checking each names itself and has a config. */
    public List<ConnectorSpec> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<ConnectorSpec> specs = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                specs.add(read(file));
            }
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector configs in " + folder, e);
        }
    }

    /** Creates or updates each connector, then waits until each and its tasks run; reports what changed. */
    public SetupReport apply(List<ConnectorSpec> connectors, Duration timeout) throws IOException, InterruptedException {
        SetupReport report = new SetupReport();
        for (ConnectorSpec connector : connectors) {
            HttpResponse<String> current = send("GET", "/connectors/" + connector.name() + "/config", null);
            Map<String, String> expected = new HashMap<>(connector.config());
            expected.put("name", connector.name());
            if (current.statusCode() == 200 && JSON.readTree(current.body()).equals(JSON.valueToTree(expected))) {
                continue;
            }
            if (current.statusCode() != 200 && current.statusCode() != 404) {
                throw failure("read connector " + connector.name(), current);
            }
            HttpResponse<String> put = send("PUT", "/connectors/" + connector.name() + "/config",
                    JSON.writeValueAsString(connector.config()));
            if (put.statusCode() != 200 && put.statusCode() != 201) {
                throw failure("apply " + connector.file(), put);
            }
            report.changed((put.statusCode() == 201 ? "created" : "updated") + " connector " + connector.name());
        }
        for (ConnectorSpec connector : connectors) {
            awaitRunning(connector.name(), timeout, report);
        }
        return report;
    }

    /** The connector classes the worker's plugin path offers ({@code GET /connector-plugins?connectorsOnly=true}). */
    public Set<String> offeredClasses() throws IOException, InterruptedException {
        HttpResponse<String> plugins = send("GET", "/connector-plugins?connectorsOnly=true", null);
        if (plugins.statusCode() != 200) {
            throw failure("list the connector plugins", plugins);
        }
        Set<String> classes = new TreeSet<>();
        JSON.readTree(plugins.body()).forEach(plugin -> classes.add(plugin.path("class").asText()));
        return classes;
    }

    /** The state of a connector and its tasks, as the worker reports it ({@code GET /connectors/<name>/status}). */
    public JsonNode status(String name) throws IOException, InterruptedException {
        HttpResponse<String> status = send("GET", "/connectors/" + name + "/status", null);
        if (status.statusCode() != 200) {
            throw failure("read the status of connector " + name, status);
        }
        return JSON.readTree(status.body());
    }

    /** Whether a status says the connector and every task (at least one) are RUNNING. */
    public static boolean running(JsonNode status) {
        JsonNode tasks = status.path("tasks");
        boolean tasksRunning = tasks.size() > 0;
        for (JsonNode task : tasks) {
            tasksRunning &= "RUNNING".equals(task.path("state").asText());
        }
        return "RUNNING".equals(status.path("connector").path("state").asText()) && tasksRunning;
    }

    /**
     * Waits until the connector and its tasks run. A failed connector or task is restarted once
     * (a config update restarts tasks asynchronously, and a task that failed while a dependency was
     * down should come back on the next {@code setup apply}); failing again is an error.
     */
    private void awaitRunning(String name, Duration timeout, SetupReport report) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode status = JSON.createObjectNode();
        boolean restarted = false;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send("GET", "/connectors/" + name + "/status", null);
            if (response.statusCode() == 200) {
                status = JSON.readTree(response.body());
                if (running(status)) {
                    return;
                }
                String failed = failedTrace(status);
                if (failed != null && restarted) {
                    throw new IllegalStateException("connector " + name + " failed: " + failed);
                }
                if (failed != null) {
                    restart(name);
                    report.changed("restarted the failed parts of connector " + name + " (" + failed + ")");
                    restarted = true;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("connector " + name + " is not RUNNING after " + timeout.toSeconds()
                + " s: " + status);
    }

    private void restart(String name) throws IOException, InterruptedException {
        HttpResponse<String> restart = send("POST", "/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true",
                null);
        if (restart.statusCode() != 202 && restart.statusCode() != 204 && restart.statusCode() != 200) {
            throw failure("restart connector " + name, restart);
        }
    }

    private static String failedTrace(JsonNode status) {
        List<JsonNode> parts = new ArrayList<>();
        parts.add(status.path("connector"));
        status.path("tasks").forEach(parts::add);
        for (JsonNode part : parts) {
            if ("FAILED".equals(part.path("state").asText())) {
                String trace = part.path("trace").asText("");
                return trace.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("(no trace)");
            }
        }
        return null;
    }

    private ConnectorSpec read(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        String name = node.path("name").asText("");
        if (name.isBlank() || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(file + ": 'name' must be lower-case letters, digits and dashes, was '"
                    + name + "'");
        }
        if (!(node.get("config") instanceof ObjectNode config) || !config.has("connector.class")) {
            throw new IllegalArgumentException(file + ": 'config' must be an object with 'connector.class'");
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = config.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = resolve(file, field.getKey(), field.getValue().asText());
            requireReferenceForPassword(file, field.getKey(), value);
            resolved.put(field.getKey(), value);
        }
        return new ConnectorSpec(name, file, resolved);
    }

    /** A password in a connector file would be committed and sent over REST: only a provider reference may stand there. */
    private static void requireReferenceForPassword(Path file, String key, String value) {
        if (key.toLowerCase(Locale.ROOT).contains("password") && !value.isEmpty()
                && !PROVIDER_REFERENCE.matcher(value).matches()) {
            throw new IllegalArgumentException(file + ": '" + key + "' must be a config provider reference such as "
                    + "${dir:${" + SECRETS_DIR + "}:<secret>.password}, never the password itself");
        }
    }

    private String resolve(Path file, String key, String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = placeholders.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException(file + ": '" + key + "' names ${" + matcher.group(1)
                        + "}, which is none of " + placeholders.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return connect.send(method, path, body);
    }

    private IllegalStateException failure(String what, HttpResponse<String> response) {
        return new IllegalStateException("cannot " + what + ": Connect answered " + response.statusCode() + " "
                + response.body());
    }
}
