package dev.bazaar.platform;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.metrics.MetricsAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the launcher finds the build (the checkout), where it keeps runtime state, which ports it
 * uses and how long it waits: resolved once at start, each setting named after the environment
 * variable that changes it.
 *
 * <ul>
 *   <li>{@code BAZAAR_HOME} (system property {@code bazaar.home}): the checkout; default the working folder.</li>
 *   <li>{@code BAZAAR_VAR} ({@code bazaar.var}): runtime state; default {@code <home>/var}.</li>
 *   <li>{@code BAZAAR_PORT_BASE} ({@code bazaar.port.base}): see {@link PortPlan}; default 9000.</li>
 *   <li>{@code BAZAAR_START_TIMEOUT} ({@code bazaar.start.timeout}): seconds a component may take to be
 *       ready; default 120.</li>
 *   <li>{@code BAZAAR_PARTS} ({@code bazaar.parts}): what {@code up} runs besides the clusters and the
 *       registry, comma-separated {@link Part}s; default all ({@code services,mirroring,monitoring}).</li>
 *   <li>{@code BAZAAR_ANALYTICS_EVERY} ({@code bazaar.analytics.every}): how often the scheduler {@code up}
 *       starts runs the analytics job, e.g. {@code 5m} or {@code PT10M}; default {@code 5m}.</li>
 * </ul>
 * {@code parts} says what {@code up} runs besides the two clusters and the schema registry:
 * {@code bazaar up} runs every part, each integration test module only the parts it tests.
 */
public record PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout,
        Set<Part> parts, String analyticsEvery) {

    public static final String DEFAULT_ANALYTICS_EVERY = "5m";

    public PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout, Set<Part> parts) {
        this(home, layout, ports, startTimeout, parts, DEFAULT_ANALYTICS_EVERY);
    }

    /** A part of the platform that {@code up} may leave out. */
    public enum Part {
        /** Elasticsearch, HDFS, Kafka Connect with our connectors, shop-api, stream-filter. */
        SERVICES,
        /** MirrorMaker 2, main to mirror. */
        MIRRORING,
        /** Prometheus, Alertmanager and the blackbox exporter. */
        MONITORING;

        /** Parts from a comma-separated list of their names in any case, e.g. {@code services,monitoring}. */
        public static Set<Part> parse(String list) {
            Set<Part> parts = EnumSet.noneOf(Part.class);
            for (String name : list.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    parts.add(valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown platform part '" + name.strip() + "'; known: "
                            + java.util.Arrays.toString(values()).toLowerCase(java.util.Locale.ROOT), e);
                }
            }
            return parts;
        }
    }

    public PlatformConfig {
        parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
    }

    /** Whether {@code up} runs the search components and services. */
    public boolean services() {
        return parts.contains(Part.SERVICES);
    }

    public boolean runs(Part part) {
        return parts.contains(part);
    }

    /** Reads the settings from system properties first, then the environment. */
    public static PlatformConfig resolve(Map<String, String> env) {
        Path home = Path.of(setting(env, "bazaar.home", "BAZAAR_HOME", System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
        Path var = Path.of(setting(env, "bazaar.var", "BAZAAR_VAR", home.resolve("var").toString()));
        int base = intSetting(env, "bazaar.port.base", "BAZAAR_PORT_BASE", PortPlan.DEFAULT_BASE);
        int timeout = intSetting(env, "bazaar.start.timeout", "BAZAAR_START_TIMEOUT", 120);
        Set<Part> parts = Part.parse(setting(env, "bazaar.parts", "BAZAAR_PARTS", "services,mirroring,monitoring"));
        String analyticsEvery = setting(env, "bazaar.analytics.every", "BAZAAR_ANALYTICS_EVERY", DEFAULT_ANALYTICS_EVERY);
        return new PlatformConfig(home, new RuntimeLayout(var), new PortPlan(base), Duration.ofSeconds(timeout), parts,
                analyticsEvery);
    }

    /** The classpath of the Kafka processes, written by the build next to the launcher. */
    public String runtimeClasspath() {
        Path file = home.resolve("platform/target/runtime.classpath");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the build output " + file + " is missing: run ./bazaar (it builds) or "
                    + "'./mvnw -DskipTests package'", e);
        }
    }

    /** The folder of the schema registry's runnable archive, unpacked by the build. */
    public Path registryDistribution() {
        return home.resolve("platform/target/apicurio-registry");
    }

    /** The Prometheus JMX exporter agent, copied next to the launcher by the build. */
    public Path metricsAgentJar() {
        return home.resolve("platform/target/agents/jmx_prometheus_javaagent.jar");
    }

    /** The exporter agent with the rules file {@code prometheus/jmx/<name>.yml}. */
    public MetricsAgent.Rules metricsRules(String name) {
        return new MetricsAgent.Rules(metricsAgentJar(), home.resolve("prometheus/jmx").resolve(name + ".yml"), layout());
    }

    /** The folders Kafka Connect loads connector plugins from: each connector module's packaged plugin. */
    public List<Path> connectorPluginPath() {
        return Stream.of("connectors", "hdfs-loader").map(module -> home.resolve(module).resolve("target/plugin"))
                .filter(Files::isDirectory).toList();
    }

    /** The JVM that runs the launcher, which runs every component too (JDK 21+). */
    public String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String setting(Map<String, String> env, String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int intSetting(Map<String, String> env, String property, String variable, int fallback) {
        String value = setting(env, property, variable, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number, was '" + value + "'", e);
        }
    }
}
