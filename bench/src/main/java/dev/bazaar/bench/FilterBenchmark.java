package dev.bazaar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.filter.FilterMetrics;
import dev.bazaar.filter.FilterTopology;
import dev.bazaar.filter.StreamFilterApp;
import dev.bazaar.filter.cli.FilterCli;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * stream-filter against the plain exactly-once consume→produce loop on the same cluster, principal
 * and record (1 KB items), in one run: throughput over a filled topic (goal: the filter at least
 * 70 % of the loop), then end-to-end latency at a fixed 2k records/s against Kafka's own
 * EndToEndLatency (goal: the filter's p99 at most 3x the raw p99). Runs on its own platform.
 */
public final class FilterBenchmark {

    private static final String LOOP_IN = "bench-loop-in";
    private static final String LOOP_OUT = "bench-loop-out";
    private static final String E2E = "bench-e2e";
    private static final int DEFAULT_RATE = 2_000;
    private static final int LATENCY_SECONDS = 20;
    private static final int BLOCKED_EVERY = 100;
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private FilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RATE;
        BenchPlatform.run(List.of("main", "registry"), bench -> run(bench, records, rate));
    }

    private static void run(BenchPlatform bench, int records, int rate) throws Exception {
        Properties admin = bench.admin();
        List<byte[]> values = wireValues(bench);
        bench.createTopic(LOOP_IN);
        bench.createTopic(LOOP_OUT);
        bench.createTopic(E2E);
        int blocked = block(bench, records);
        System.out.printf("filling %s and %s with %,d items each%n", Topics.ITEMS, LOOP_IN, records);
        PacedProducer.fill(admin, Topics.ITEMS, "tp", records, values);
        PacedProducer.fill(admin, LOOP_IN, "tp", records, values);

        List<RunResult> results = new ArrayList<>();
        results.add(EndToEndLatencyRun.run(bench.config().javaExecutable(), bench.classpath(),
                admin.getProperty("bootstrap.servers"), bench.clientConfigFile(), E2E, 1_000, BenchItems.RECORD_SIZE));
        RunResult loop = loopThroughput(admin, records);
        results.add(loop);
        try (KafkaStreams filter = filter(bench)) {
            RunResult filtered = throughput("stream-filter, throughput", admin, Topics.FILTERED_ITEMS, "tp",
                    records - blocked, filter::start);
            results.add(filtered);
            results.add(latency("stream-filter at " + rate + "/s", admin, Topics.ITEMS, Topics.FILTERED_ITEMS, values, rate));
        }
        EosCopyLoop latencyLoop = new EosCopyLoop(admin, "bench-loop", LOOP_IN, LOOP_OUT);
        Thread thread = Thread.ofPlatform().name("eos-loop").start(latencyLoop);
        try {
            results.add(latency("plain EOS loop at " + rate + "/s", admin, LOOP_IN, LOOP_OUT, values, rate));
        } finally {
            latencyLoop.stop();
            thread.join();
        }
        print(results, rate);
    }

    private static RunResult loopThroughput(Properties admin, int records) throws Exception {
        EosCopyLoop loop = new EosCopyLoop(admin, "bench-loop", LOOP_IN, LOOP_OUT);
        Thread thread = Thread.ofPlatform().name("eos-loop").unstarted(loop);
        try {
            return throughput("plain EOS consume→produce loop", admin, LOOP_OUT, "tp", records, thread::start);
        } finally {
            loop.stop();
            thread.join();
        }
    }

    private static RunResult throughput(String name, Properties admin, String output, String keyPrefix, long expected,
            Runnable start) throws Exception {
        try (CommittedWatcher watcher = new CommittedWatcher(admin, output, keyPrefix)) {
            start.run();
            if (!watcher.awaitCount(expected, DEADLINE)) {
                throw new IllegalStateException(name + ": " + watcher.count() + " of " + expected + " records arrived");
            }
            return new RunResult(name, watcher.count(), watcher.perSecond(), Double.NaN, Double.NaN);
        }
    }

    private static RunResult latency(String name, Properties admin, String input, String output, List<byte[]> values,
            int rate) throws Exception {
        int count = rate * LATENCY_SECONDS;
        String prefix = "lat-" + output;
        try (CommittedWatcher watcher = new CommittedWatcher(admin, output, prefix)) {
            PacedProducer.send(admin, input, prefix, count, rate, values);
            if (!watcher.awaitCount(count, DEADLINE)) {
                throw new IllegalStateException(name + ": " + watcher.count() + " of " + count + " records arrived");
            }
            Latencies latencies = watcher.latencies(rate);
            return new RunResult(name, count, rate, latencies.percentile(50), latencies.percentile(99));
        }
    }

    /** The filter with stream-filter's own settings (exactly once v2, commit interval, replication) as the super user. */
    private static KafkaStreams filter(BenchPlatform bench) {
        Properties props = StreamFilterApp.config(bench.platform().adminConnection(Cluster.MAIN), bench.platform().layout());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-filter");
        return new KafkaStreams(FilterTopology.build(6, new FilterMetrics()), props);
    }

    /** Blocks one product in {@value #BLOCKED_EVERY} of the throughput run's keys; returns how many. */
    private static int block(BenchPlatform bench, int records) throws Exception {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (int n = 0; n < records; n += BLOCKED_EVERY) {
entries.put("tp-" + n, FilterCli.entry("tp-" + n, "benchmark", "bench", Instant.now()));
        }
        FilterCli.send(bench.platform().layout(), entries);
        return entries.size();
    }

    /** The padded catalog in the registry wire format, as shop-api would have published it. */
    private static List<byte[]> wireValues(BenchPlatform bench) {
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(bench.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        try (serializer) {
            return BenchItems.catalog().stream().map(item -> serializer.serialize(Topics.ITEMS, item)).toList();
        }
    }

    private static void print(List<RunResult> results, int rate) {
        System.out.println();
        System.out.println(RunResult.header());
        results.forEach(r -> System.out.println(r.row()));
        RunResult raw = results.get(0);
        RunResult loop = results.get(1);
        RunResult filter = results.get(2);
        RunResult filterLatency = results.get(3);
        RunResult loopLatency = results.get(4);
        System.out.printf(Locale.ROOT, "throughput: stream-filter %.0f %% of the plain EOS loop (goal >= 70 %%)%n",
                100.0 * filter.perSecond() / loop.perSecond());
        System.out.printf(Locale.ROOT, "p99 latency at %d/s: stream-filter %.1fx, plain EOS loop %.1fx the raw "
                + "EndToEndLatency p99 (goal <= 3x)%n", rate, filterLatency.p99Millis() / raw.p99Millis(),
                loopLatency.p99Millis() / raw.p99Millis());
        if (Math.min(filter.perSecond(), loop.perSecond()) < rate) {
            System.out.printf(Locale.ROOT, "note: at most %.0f records/s pass through a pipeline on this machine, below "
                    + "%d/s: latency at that rate is time spent queueing; run with a lower rate to see the pipelines' "
                    + "own latency (./bazaar bench filter <records> <rate>)%n",
                    Math.min(filter.perSecond(), loop.perSecond()), rate);
        }
    }
}
