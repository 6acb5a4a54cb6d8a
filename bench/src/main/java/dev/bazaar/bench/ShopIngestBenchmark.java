package dev.bazaar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.common.ShopApiCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP ingest of 1 KB items through shop-api against Kafka's own ProducerPerformance on the same
 * cluster, same record size, acks=all, in one run; prints both and the ratio (goal: at least 60 %).
 * Runs on its own platform ({@link BenchPlatform}).
 */
public final class ShopIngestBenchmark {

    private static final String RAW_TOPIC = "bench-raw";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        BenchPlatform.run(List.of("shop-api"), bench -> run(bench, records));
    }

    private static void run(BenchPlatform bench, int records) throws Exception {
        Platform platform = bench.platform();
        PlatformConfig config = bench.config();
        bench.createTopic(RAW_TOPIC);
        Path producerConfig = bench.clientConfigFile();
        String classpath = bench.classpath();
        List<RunResult> results = new ArrayList<>();
        warmUp(platform, config, classpath, producerConfig);
        results.add(ProducerPerformanceRun.run(config.javaExecutable(), classpath, producerConfig, RAW_TOPIC, records,
                BenchItems.RECORD_SIZE, "-1"));
        URI items = items(platform);
        String authorization = authorization(platform.layout());
        HttpClient http = PlatformTls.httpClient(platform.layout());
        results.add(HttpIngestRun.run(http, items, authorization, bodies(100), 100, records, 8));
        results.add(HttpIngestRun.run(http, items, authorization, bodies(1), 1, records / 10, 32));
        print(results);
    }

    private static void warmUp(Platform platform, PlatformConfig config, String classpath, Path producerConfig)
            throws Exception {
        ProducerPerformanceRun.run(config.javaExecutable(), classpath, producerConfig, RAW_TOPIC, 5_000, BenchItems.RECORD_SIZE, "-1");
        HttpIngestRun.run(PlatformTls.httpClient(platform.layout()), items(platform), authorization(platform.layout()),
                bodies(100), 100, 5_000, 4);
    }

    /** shop-api's items endpoint as the launcher recorded it (HTTPS). */
    private static URI items(Platform platform) {
        return URI.create(platform.endpoints().serviceUrl("shop-api").orElseThrow() + "/items");
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
        List<ObjectNode> catalog = BenchItems.catalog();
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from + batch <= catalog.size(); from += batch) {
            ArrayNode array = JSON.createArrayNode();
            catalog.subList(from, from + batch).forEach(array::add);
            bodies.add(JSON.writeValueAsString(batch == 1 ? array.get(0) : array));
        }
        return bodies;
    }

    private static String authorization(RuntimeLayout layout) {
        return ShopApiCredentials.basic(layout);
    }
}
