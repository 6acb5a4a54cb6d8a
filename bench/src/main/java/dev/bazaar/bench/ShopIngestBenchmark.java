package dev.bazaar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.shop.ShopApiCredentials;
import dev.bazaar.shop.catalog.CatalogGenerator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * HTTP ingest of 1 KB items through shop-api against Kafka's own ProducerPerformance on the same
 * cluster, same record size, acks=all, in one run; prints both and the ratio (goal: at least 60 %).
 * Starts its own platform (runtime folder {@code bench/target/bench-var}, port base 21000) and stops it.
 */
public final class ShopIngestBenchmark {

    private static final int RECORD_SIZE = 1024;
    private static final String RAW_TOPIC = "bench-raw";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        Path home = Path.of(System.getProperty("bazaar.home", ".")).toAbsolutePath().normalize();
        RuntimeLayout layout = new RuntimeLayout(home.resolve("bench/target/bench-var"));
        PlatformConfig config = new PlatformConfig(home, layout, new PortPlan(21_000), Duration.ofMinutes(3), true);
        Platform platform = new Platform(config);
        platform.down();
        platform.purge();
        try {
            platform.up(System.out);
            run(platform, config, records);
        } finally {
            platform.down();
        }
    }

    private static void run(Platform platform, PlatformConfig config, int records) throws Exception {
        createRawTopic(platform);
        Path producerConfig = producerConfig(platform);
        String classpath = Files.readString(config.home().resolve("bench/target/runtime.classpath")).strip();
        List<RunResult> results = new ArrayList<>();
        warmUp(platform, config, classpath, producerConfig);
        results.add(ProducerPerformanceRun.run(config.javaExecutable(), classpath, producerConfig, RAW_TOPIC, records,
                RECORD_SIZE, "-1"));
        URI items = URI.create("http://127.0.0.1:" + config.ports().shopApi() + "/items");
        String authorization = authorization(platform.layout());
        results.add(HttpIngestRun.run(items, authorization, bodies(100), 100, records, 8));
        results.add(HttpIngestRun.run(items, authorization, bodies(1), 1, records / 10, 32));
        print(results);
    }

    private static void warmUp(Platform platform, PlatformConfig config, String classpath, Path producerConfig)
            throws Exception {
        ProducerPerformanceRun.run(config.javaExecutable(), classpath, producerConfig, RAW_TOPIC, 5_000, RECORD_SIZE, "-1");
        HttpIngestRun.run(URI.create("http://127.0.0.1:" + config.ports().shopApi() + "/items"),
                authorization(platform.layout()), bodies(100), 100, 5_000, 4);
    }

    private static void print(List<RunResult> results) {
        System.out.println();
        System.out.println(RunResult.header());
        results.forEach(r -> System.out.println(r.row()));
        RunResult raw = results.get(0);
        for (RunResult http : results.subList(1, results.size())) {
            System.out.printf(Locale.ROOT, "ratio %-38s %.0f %% of the raw producer rate%n", http.name() + ":",
                    100.0 * http.perSecond() / raw.perSecond());
        }
    }

    /** Request bodies of {@code batch} catalog items, each padded to about 1 KB of JSON. */
    private static List<String> bodies(int batch) throws Exception {
        List<ObjectNode> catalog = new CatalogGenerator(CatalogGenerator.DEFAULT_SEED).products(CatalogGenerator.DEFAULT_SIZE);
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from + batch <= catalog.size(); from += batch) {
            ArrayNode array = JSON.createArrayNode();
            catalog.subList(from, from + batch).forEach(item -> array.add(padded(item)));
            bodies.add(JSON.writeValueAsString(batch == 1 ? array.get(0) : array));
        }
        return bodies;
    }

    private static ObjectNode padded(ObjectNode item) {
        ObjectNode copy = item.deepCopy();
        int size = copy.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size < RECORD_SIZE) {
            ObjectNode description = (ObjectNode) copy.path("description");
            String en = description.path("en").asText("") + " " + "x".repeat(RECORD_SIZE - size - 1);
            description.put("en", en);
            description.put("ru", description.path("ru").asText("-"));
        }
        return copy;
    }

    private static void createRawTopic(Platform platform) throws Exception {
        try (Admin admin = Admin.create(platform.adminConnection(Cluster.MAIN).clientProperties())) {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Path producerConfig(Platform platform) throws Exception {
        Properties props = platform.adminConnection(Cluster.MAIN).clientProperties();
        Path file = platform.layout().confDir("bench").resolve("producer.properties");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var writer = Files.newBufferedWriter(file)) {
            props.store(writer, "bench producer");
        }
        return file;
    }

    private static String authorization(RuntimeLayout layout) {
        return ShopApiCredentials.basic(layout);
    }
}
