package dev.bazaar.bench;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.process.JvmProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The platform a benchmark measures: its own, fresh, on port base 21000 with state under
 * {@code bench/target/bench-var}, started by the launcher's code and stopped when the benchmark ends,
 * so a benchmark never disturbs the user's platform.
 */
final class BenchPlatform {

    private static final int PORT_BASE = 21_000;
    /**
     * No benchmark measures the analytics job, and its Spark run (first one interval after the start)
     * would load the machine in the middle of a measurement: schedule it past any benchmark's end.
     */
    private static final String ANALYTICS_EVERY = "24h";

    private final PlatformConfig config;
    private final Platform platform;

    private BenchPlatform(PlatformConfig config) {
        this.config = config;
        this.platform = new Platform(config);
    }

    /**
     * Starts a fresh platform of only the {@code components} a benchmark measures (with what they
     * depend on, see {@code ./bazaar components}), its JVMs tuned for peak speed rather than a quick
     * start (what the benchmarks measure), runs {@code body}, stops it.
     */
    static void run(List<String> components, Body body) throws Exception {
        Path home = Path.of(System.getProperty("bazaar.home", ".")).toAbsolutePath().normalize();
        RuntimeLayout layout = new RuntimeLayout(home.resolve("bench/target/bench-var"));
        BenchPlatform bench = new BenchPlatform(new PlatformConfig(home, layout, new PortPlan(PORT_BASE),
                Duration.ofMinutes(3), components, ANALYTICS_EVERY).withJvmProfile(JvmProfile.PEAK));
        bench.platform.down();
        bench.platform.purge();
        try {
            bench.platform.up(System.out);
            body.run(bench);
        } finally {
            bench.platform.down();
        }
    }

    interface Body {
        void run(BenchPlatform bench) throws Exception;
    }

    Platform platform() {
        return platform;
    }

    PlatformConfig config() {
        return config;
    }

    /** The super user's client properties on main: every benchmark run uses the same principal and path. */
    Properties admin() {
        return platform.adminConnection(Cluster.MAIN).clientProperties();
    }

    /** The classpath of the bench module, for Kafka's tools in their own JVM. */
    String classpath() throws IOException {
        return Files.readString(config.home().resolve("bench/target/runtime.classpath")).strip();
    }

    /** Creates a topic like the platform's own: 6 partitions, 3 replicas, min.insync.replicas 2. */
    void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(admin())) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The super user's client properties in an owner-only file, for Kafka's tools. */
    Path clientConfigFile() throws IOException {
        Path file = platform.layout().confDir("bench").resolve("client.properties");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var writer = Files.newBufferedWriter(file)) {
            admin().store(writer, "bench client (admin)");
        }
        return file;
    }
}
