package dev.bazaar.platform;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.metrics.MetricsAgent;
import dev.bazaar.platform.postgres.ExternalPostgres;
import dev.bazaar.platform.process.AotCaches;
import dev.bazaar.platform.process.Jvm;
import dev.bazaar.platform.process.JvmProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *   <li>{@code BAZAAR_COMPONENTS} ({@code bazaar.components}): what {@code up} runs, comma-separated
 *       component or group names of the {@link dev.bazaar.platform.component.Catalog}, each with what it
 *       depends on (e.g. {@code shop-api} brings the main cluster and the registry); default {@code all}.</li>
 *   <li>{@code BAZAAR_PARTS} ({@code bazaar.parts}): the older way to choose, still honoured when
 *       {@code BAZAAR_COMPONENTS} is not set: the clusters and the registry plus the listed {@link Part}s.</li>
 *   <li>{@code BAZAAR_SUPERVISE} ({@code bazaar.supervise}): whether {@code up} leaves a supervisor running
 *       that restarts a component whose process dies; default {@code true} ({@code false} in tests that
 *       kill components on purpose).</li>
 *   <li>{@code BAZAAR_JVM_PROFILE} ({@code bazaar.jvm.profile}): {@code quick-start} (default: C1 compiler
 *       and serial GC, about 40 % less CPU to start) or {@code peak} (the JVM's defaults, for benchmarks);
 *       see {@link JvmProfile}.</li>
 *   <li>{@code BAZAAR_AOT} ({@code bazaar.aot}): whether the platform's JVMs keep AOT caches under
 *       {@code var/aot/} on JDK 25+ (about a third less CPU to start), made from their first run by the
 *       supervisor; default {@code true}; only with {@code quick-start} and a supervisor; see {@link AotCaches}.</li>
 *   <li>{@code BAZAAR_ANALYTICS_EVERY} ({@code bazaar.analytics.every}): how often the scheduler {@code up}
 *       starts runs the analytics job, e.g. {@code 5m} or {@code PT10M}; default {@code 5m}.</li>
 *   <li>{@code BAZAAR_POSTGRES_URL}, {@code BAZAAR_POSTGRES_USER}, {@code BAZAAR_POSTGRES_PASSWORD} (environment
 *       only: a password does not belong on a command line): an external PostgreSQL server instead of the
 *       embedded one, see {@link ExternalPostgres}; default unset, the embedded server on
 *       {@code 127.0.0.1:<base+32>}, database {@code bazaar}, admin role {@code bazaar}.</li>
 * </ul>
 * {@code components} names what {@code up} runs; empty means "not chosen": {@code up} runs everything,
 * {@code status} and {@code down} look at what the last {@code up} chose.
 */
public record PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout,
        List<String> components, String analyticsEvery, boolean supervised, JvmProfile jvmProfile, boolean aot,
        Optional<ExternalPostgres> externalPostgres) {

    public static final String DEFAULT_ANALYTICS_EVERY = "5m";
    /** The group of the components every part had: both clusters and the registry. */
    public static final String CORE = "core";

    public PlatformConfig {
        components = List.copyOf(components);
        Objects.requireNonNull(externalPostgres, "externalPostgres");
    }

    /** A platform with the embedded PostgreSQL server. */
    public PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout, List<String> components,
            String analyticsEvery, boolean supervised, JvmProfile jvmProfile, boolean aot) {
        this(home, layout, ports, startTimeout, components, analyticsEvery, supervised, jvmProfile, aot, Optional.empty());
    }

    /** A platform whose JVMs keep AOT caches when {@code supervised} and {@code jvmProfile} allow it. */
    public PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout, List<String> components,
            String analyticsEvery, boolean supervised, JvmProfile jvmProfile) {
        this(home, layout, ports, startTimeout, components, analyticsEvery, supervised, jvmProfile, true);
    }

    /** A platform of {@code components} without a supervisor. */
    public PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout, List<String> components,
            String analyticsEvery) {
        this(home, layout, ports, startTimeout, components, analyticsEvery, false, JvmProfile.QUICK_START);
    }

    /** A platform of the clusters, the registry and {@code parts}. */
    public PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout, Set<Part> parts,
            String analyticsEvery) {
        this(home, layout, ports, startTimeout, Part.components(parts), analyticsEvery);
    }

    public PlatformConfig(Path home, RuntimeLayout layout, PortPlan ports, Duration startTimeout, Set<Part> parts) {
        this(home, layout, ports, startTimeout, parts, DEFAULT_ANALYTICS_EVERY);
    }

    /** A group of components that {@code up} may leave out; each is also a group name of the catalog. */
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

        /** The catalog's names for the clusters, the registry and {@code parts}. */
        public static List<String> components(Set<Part> parts) {
            return Stream.concat(Stream.of(CORE), parts.stream().map(Part::toString)).toList();
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Reads the settings from system properties first, then the environment. */
    public static PlatformConfig resolve(Map<String, String> env) {
        Path home = Path.of(setting(env, "bazaar.home", "BAZAAR_HOME", System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
        Path var = Path.of(setting(env, "bazaar.var", "BAZAAR_VAR", home.resolve("var").toString()));
        int base = intSetting(env, "bazaar.port.base", "BAZAAR_PORT_BASE", PortPlan.DEFAULT_BASE);
        int timeout = intSetting(env, "bazaar.start.timeout", "BAZAAR_START_TIMEOUT", 120);
        String analyticsEvery = setting(env, "bazaar.analytics.every", "BAZAAR_ANALYTICS_EVERY", DEFAULT_ANALYTICS_EVERY);
        return new PlatformConfig(home, new RuntimeLayout(var), new PortPlan(base), Duration.ofSeconds(timeout),
                components(env), analyticsEvery, booleanSetting(env, "bazaar.supervise", "BAZAAR_SUPERVISE"),
                JvmProfile.parse(setting(env, "bazaar.jvm.profile", "BAZAAR_JVM_PROFILE", JvmProfile.QUICK_START.toString())),
                booleanSetting(env, "bazaar.aot", "BAZAAR_AOT"), ExternalPostgres.fromEnv(env));
    }

    /** {@code BAZAAR_COMPONENTS}, else the groups of {@code BAZAAR_PARTS}, else none chosen. */
    private static List<String> components(Map<String, String> env) {
        String components = setting(env, "bazaar.components", "BAZAAR_COMPONENTS", "");
        if (!components.isEmpty()) {
            return List.of(components.split(",")).stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
        }
        String parts = setting(env, "bazaar.parts", "BAZAAR_PARTS", "");
        return parts.isEmpty() ? List.of() : Part.components(Part.parse(parts));
    }

    /** This configuration with the supervisor on or off. */
    public PlatformConfig supervised(boolean on) {
        return new PlatformConfig(home, layout, ports, startTimeout, components, analyticsEvery, on, jvmProfile, aot,
                externalPostgres);
    }

    /** This configuration with AOT caches on or off. */
    public PlatformConfig withAot(boolean on) {
        return new PlatformConfig(home, layout, ports, startTimeout, components, analyticsEvery, supervised, jvmProfile, on,
                externalPostgres);
    }

    /** This configuration with its JVMs started in {@code profile}. */
    public PlatformConfig withJvmProfile(JvmProfile profile) {
        return new PlatformConfig(home, layout, ports, startTimeout, components, analyticsEvery, supervised, profile, aot,
                externalPostgres);
    }

    /** This configuration with PostgreSQL external ({@code server} present) or embedded. */
    public PlatformConfig withExternalPostgres(Optional<ExternalPostgres> server) {
        return new PlatformConfig(home, layout, ports, startTimeout, components, analyticsEvery, supervised, jvmProfile, aot,
                server);
    }

    /** The java of every platform process, with the options of the profile and the AOT caches. */
    public Jvm jvm() {
        return new Jvm(javaExecutable(), jvmProfile, AotCaches.of(AotCaches.dir(layout), aot, jvmProfile, supervised));
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

    /**
     * The folders Kafka Connect loads connector plugins from: each connector module's packaged plugin
     * (cdc-connector's is Debezium's PostgreSQL connector).
     */
    public List<Path> connectorPluginPath() {
        return Stream.of("connectors", "hdfs-loader", "cdc-connector")
                .map(module -> home.resolve(module).resolve("target/plugin")).filter(Files::isDirectory).toList();
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

    private static boolean booleanSetting(Map<String, String> env, String property, String variable) {
        String value = setting(env, property, variable, "true");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(variable + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
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
