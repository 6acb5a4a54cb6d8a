package dev.bazaar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.bench.WrkRun.WrkResult;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.setup.ConnectRest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The events path end to end (events-api → product-events-raw → dedup → product-events → JDBC sink →
 * PostgreSQL) under wrk posting the earlier view event (~3 KB) to {@code /api-fast/view-event}, a fifth
 * of the requests exact copies, against Kafka's ProducerPerformance sending records of the same size
 * (acks=all) to a topic of the same shape, interleaved on the same platform (ProducerPerformance, wrk,
 * ProducerPerformance, wrk, ...). Prints per pair and as median and range:
 * both rates, wrk's p50/p99, the ratio (goal: at least 60 %, p99 under 100 ms), the multiple of the
 * earlier system's 1,000 requests/s (stretch: 5), and the rate into PostgreSQL from the first request
 * until the table holds one row per distinct key that entered the pipeline (exact: counted from the raw
 * topic's keys, asserted equal); then what dedup's store of seen keys takes on disk and in memory per
 * million keys, and for 7 days at 1,000 events/s. Each pair starts with the pipeline drained, so neither
 * side pays for the other's backlog. Runs on its own platform of only what the path needs.
 */
public final class EventsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS_API = "events-api";
    private static final String DEDUP = "dedup";
    private static final String SINK = "product-events-sink";
    private static final String VIEW_EVENT_PATH = "/api-fast/view-event";
    private static final String BASELINE_TOPIC = "bench-events";
    /** PostgreSQL's read-only role (setup/postgres.yaml), as {@code bazaar events stats} counts. */
    private static final String READER = "reader";
    private static final double DUPLICATE_SHARE = 0.2;
    private static final double EARLIER_REQUESTS_PER_SECOND = 1_000;
    private static final double GOAL_RATIO = 0.6;
    private static final double GOAL_P99_MILLIS = 100;
    /** The JVMs (events-api's, the brokers') compile their hot code at load: on 2 cores that takes a while. */
    private static final int WARM_UP_SECONDS = 90;
    private static final int WARM_UP_RECORDS = 50_000;
    /** How long the row count stands still before the pipeline counts as drained (then checked exactly). */
    private static final Duration SETTLED = Duration.ofSeconds(3);
    /** A week of keys at the earlier system's rate: what dedup remembers in production. */
    private static final long WEEK_OF_KEYS = 7L * 24 * 3600 * 1_000;
    /** How long the row count may stand still before the benchmark reports the pipeline stuck. */
    private static final Duration STALL = Duration.ofMinutes(2);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final BenchPlatform bench;
    private final Platform platform;
    private final RuntimeLayout layout;
    private final int seconds;
    private final int connections;
    private final int runs;

    private EventsBenchmark(BenchPlatform bench, int seconds, int connections, int runs) {
        this.bench = bench;
        this.platform = bench.platform();
        this.layout = platform.layout();
        this.seconds = seconds;
        this.connections = connections;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        WrkRun.requireInstalled();
        BenchPlatform.run(List.of(EVENTS_API, DEDUP, SINK),
                bench -> new EventsBenchmark(bench, seconds, connections, runs).run());
    }

    private void run() throws Exception {
        ViewEventSample sample = ViewEventSample.load();
        String eventsApi = platform.endpoints().serviceUrl(EVENTS_API).orElseThrow();
        URI viewEvent = URI.create(eventsApi + VIEW_EVENT_PATH);
        String authorization = EventsApiCredentials.basic(layout);
        smokeTest(viewEvent, authorization, sample);
        bench.createTopic(BASELINE_TOPIC);
        Path dir = layout.confDir("bench").resolve("events");
        WrkRun wrk = WrkRun.prepare(dir, sample.compact(), authorization);
        String dlq = JSON.readTree(BenchHttp.send(platform.connect().rest(), "GET", "/connectors/" + SINK + "/config"))
                .path("errors.deadletterqueue.topic.name").asText();
        System.out.printf(Locale.ROOT, "%nview event: %,d bytes compact; %d s per wrk run, %d connections, %d pairs; "
                + "%.0f %% copies%n", sample.size(), seconds, connections, runs, 100 * DUPLICATE_SHARE);
        System.out.println("note: wrk verifies no TLS certificate (it cannot); it talks to events-api on loopback");

        ServiceMetrics apiMetrics = ServiceMetrics.of(layout, eventsApi);
        ServiceMetrics dedupMetrics = ServiceMetrics.of(layout, platform.endpoints().serviceUrl(DEDUP).orElseThrow());
        ProcessCpu cpu = new ProcessCpu(platform);
        List<Pair> pairs = new ArrayList<>();
        long keys;
        try (RowsTimeline rows = RowsTimeline.start(readerConnection());
                RawKeys raw = new RawKeys(bench.admin(), Topics.PRODUCT_EVENTS_RAW)) {
            Pipeline pipeline = new Pipeline(rows, raw);
            System.out.printf("warming up: ProducerPerformance %,d events, wrk %d s%n", WARM_UP_RECORDS, WARM_UP_SECONDS);
            RunResult warmBaseline = baseline(WARM_UP_RECORDS, sample.size());
            wrk.run(viewEvent, connections, WARM_UP_SECONDS, DUPLICATE_SHARE, 0);
            if (pipeline.drain().isEmpty()) {
                diagnose(pipeline, dedupMetrics, dlq);
                return;
            }
            int records = (int) Math.max(50_000, Math.min(300_000, warmBaseline.perSecond() * seconds / 2));
            for (int run = 1; run <= runs; run++) {
                Pair pair = pair(run, wrk, viewEvent, records, sample.size(), pipeline, cpu);
                pairs.add(pair);
                pair.print();
                if (pair.reachedNanos().isEmpty()) {
                    diagnose(pipeline, dedupMetrics, dlq);
                    break;
                }
            }
            summary(pairs);
            counts(pipeline, apiMetrics, dedupMetrics, dlq);
            keys = raw.unique();
        }
        footprint(dedupMetrics, keys);
    }

    /** One POST of the sample, checked: the credential, the path and the payload work before any load. */
    private void smokeTest(URI viewEvent, String authorization, ViewEventSample sample) throws Exception {
        HttpResponse<String> response = PlatformTls.httpClient(layout).send(HttpRequest.newBuilder(viewEvent)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sample.compact())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + viewEvent + " of the sample answered " + response.statusCode() + ": "
                    + response.body());
        }
        System.out.println("POST " + viewEvent + " of the sample: " + response.statusCode() + " " + response.body());
    }

    private Connection readerConnection() throws Exception {
        PostgresComponent postgres = (PostgresComponent) platform.catalog().component(PostgresServer.COMPONENT);
        return postgres.target().connect(postgres.user(READER), postgres.password(READER));
    }

    /** Kafka's ProducerPerformance as every benchmark runs it: records of {@code size} bytes, acks=all, linger 5 ms. */
    private RunResult baseline(int records, int size) throws Exception {
        return ProducerPerformanceRun.run(bench.config().javaExecutable(), bench.classpath(), bench.clientConfigFile(),
                BASELINE_TOPIC, records, size, "-1");
    }

    /** ProducerPerformance, then wrk, then the pipeline drained: one pair, measured. */
    private Pair pair(int run, WrkRun wrk, URI viewEvent, int records, int size, Pipeline pipeline, ProcessCpu cpu)
            throws Exception {
        RunResult baseline = baseline(records, size);
        long uniqueBefore = pipeline.raw().unique();
        ProcessCpu.Snapshot before = cpu.snapshot();
        long began = System.nanoTime();
        WrkResult load = wrk.run(viewEvent, connections, seconds, DUPLICATE_SHARE, run);
        long ended = System.nanoTime();
        ProcessCpu.Snapshot loaded = cpu.snapshot();
        Optional<Long> reached = pipeline.drain();
        ProcessCpu.Snapshot drained = cpu.snapshot();
        return new Pair(run, baseline, load, uniqueBefore, pipeline.raw().unique(), pipeline.raw().records(), began,
                ended, pipeline.rows().rowsAt(began), pipeline.rows().rowsAt(ended), reached,
                before.describeUntil(loaded, 8, load.requests()),
                reached.isPresent() ? loaded.describeUntil(drained, 6, 0) : "-");
    }

    /** The table of product_events fed from the raw topic: what it must hold, and what it holds over time. */
    private record Pipeline(RowsTimeline rows, RawKeys raw) {

        /**
         * Waits until the table stops growing, then counts the raw topic's distinct keys (after the pipeline
         * drained, so that reading does not slow it) and waits until the table holds as many rows; the moment
         * it did (from the counts over time), if it did.
         */
        Optional<Long> drain() throws InterruptedException {
            rows.awaitSettled(SETTLED);
            long seen;
            do {
                seen = raw.records();
                raw.readToEnd(READ_TIMEOUT);
            } while (raw.records() != seen);
            return rows.awaitRows(raw.unique(), STALL);
        }
    }

    /** One ProducerPerformance run and the wrk run after it, with what the pipeline did with the latter. */
    private record Pair(int run, RunResult baseline, WrkResult load, long uniqueBefore, long uniqueAfter,
            long rawRecords, long began, long ended, long rowsAtStart, long rowsAtEnd, Optional<Long> reachedNanos,
            String cpuUnderLoad, String cpuDraining) {

        double ratio() {
            return load.perSecond() / baseline.perSecond();
        }

        long unique() {
            return uniqueAfter - uniqueBefore;
        }

        /** Rows per second into PostgreSQL from the first request until the last of this run's events is in. */
        Optional<Double> endToEnd() {
            return reachedNanos.map(at -> unique() / ((at - began) / 1e9));
        }

        void print() {
            System.out.printf(Locale.ROOT, "%npair %d%n  %s%n  %s%n", run, baseline.row(), load.asRunResult().row());
            System.out.printf(Locale.ROOT, "  ratio wrk/ProducerPerformance %.0f %%; non-2xx %d; socket errors %s%n",
                    100 * ratio(), load.non2xx(), load.socketErrors());
            System.out.printf(Locale.ROOT, "  sent %,d fresh + %,d copies (%,d answered); %,d new distinct keys on the "
                    + "raw topic (%,d records in all)%n", load.fresh(), load.copies(), load.requests(), unique(), rawRecords);
            System.out.printf(Locale.ROOT, "  rows: %,d at the first request, %,d at wrk's end (%,.0f rows/s during "
                    + "the run), %s%n", rowsAtStart, rowsAtEnd, (rowsAtEnd - rowsAtStart) / ((ended - began) / 1e9),
                    reachedNanos.map(at -> String.format(Locale.ROOT, "all %,d %.1f s after the first request: "
                            + "%,.0f rows/s end to end (the %,d behind at wrk's end at %,.0f rows/s)", uniqueAfter,
                            (at - began) / 1e9, endToEnd().orElseThrow(), uniqueAfter - rowsAtEnd,
                            (uniqueAfter - rowsAtEnd) / Math.max(1e-3, (at - ended) / 1e9)))
                            .orElse("NOT all " + String.format(Locale.ROOT, "%,d", uniqueAfter) + " rows arrived"));
            System.out.println("  CPU under load: " + cpuUnderLoad);
            System.out.println("  CPU draining:   " + cpuDraining);
        }
    }

    private static void summary(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println(RunResult.header());
        pairs.forEach(pair -> {
            System.out.println(pair.baseline().row());
            System.out.println(pair.load().asRunResult().row());
        });
        Spread ratio = Spread.of(pairs.stream().map(pair -> 100 * pair.ratio()).toList());
        Spread p99 = Spread.of(pairs.stream().map(pair -> pair.load().p99Millis()).toList());
        Spread p50 = Spread.of(pairs.stream().map(pair -> pair.load().p50Millis()).toList());
        Spread rate = Spread.of(pairs.stream().map(pair -> pair.load().perSecond()).toList());
        Spread baseline = Spread.of(pairs.stream().map(pair -> pair.baseline().perSecond()).toList());
        Spread multiple = Spread.of(pairs.stream().map(pair -> pair.load().perSecond() / EARLIER_REQUESTS_PER_SECOND)
                .toList());
        List<Double> endToEnd = pairs.stream().flatMap(pair -> pair.endToEnd().stream()).toList();
        System.out.printf(Locale.ROOT, "%nover %d pairs (median, range):%n", pairs.size());
        System.out.printf(Locale.ROOT, "  events-api (wrk)          %s requests/s%n", rate.format("%,.0f"));
        System.out.printf(Locale.ROOT, "  ProducerPerformance       %s records/s%n", baseline.format("%,.0f"));
        System.out.printf(Locale.ROOT, "  ratio wrk/PP              %s %%   goal >= %.0f %%: %s%n", ratio.format("%.0f"),
                100 * GOAL_RATIO, ratio.median() >= 100 * GOAL_RATIO ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "  wrk p50                   %s ms%n", p50.format("%.1f"));
        System.out.printf(Locale.ROOT, "  wrk p99                   %s ms   goal < %.0f ms: %s%n", p99.format("%.1f"),
                GOAL_P99_MILLIS, p99.median() < GOAL_P99_MILLIS ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "  x the earlier 1,000 RPS   %s     stretch >= 5: %s%n", multiple.format("%.1f"),
                multiple.median() >= 5 ? "met" : "not met");
        if (!endToEnd.isEmpty()) {
            System.out.printf(Locale.ROOT, "  into PostgreSQL           %s rows/s from the first request to the last row%n",
                    Spread.of(endToEnd).format("%,.0f"));
        }
        long non2xx = pairs.stream().mapToLong(pair -> pair.load().non2xx()).sum();
        long socketErrors = pairs.stream().mapToLong(pair -> pair.load().socketErrorCount()).sum();
        System.out.printf(Locale.ROOT, "  non-2xx answers %d, socket errors %d over all measured runs%n", non2xx,
                socketErrors);
    }

    /** The exact counts at each step, checked: one row per distinct key that entered the pipeline. */
    private void counts(Pipeline pipeline, ServiceMetrics api, ServiceMetrics dedup, String dlq) throws Exception {
        ServiceMetrics.Scrape apiScrape = api.scrape();
        ServiceMetrics.Scrape dedupScrape = dedup.scrape();
        long rows = pipeline.rows().latest().rows();
        long unique = pipeline.raw().unique();
        System.out.printf(Locale.ROOT, "%ncounts (warm-up and smoke test included):%n");
        System.out.printf(Locale.ROOT, "  events-api published %,.0f (rejected %,.0f); raw topic %,d records, %,d distinct "
                + "keys%n", apiScrape.sum("events_api_published_total"), apiScrape.sum("events_api_rejected_total"),
                pipeline.raw().records(), unique);
        System.out.printf(Locale.ROOT, "  dedup: %,.0f first copies, %,.0f later copies, %,.0f unkeyable%n",
                dedupScrape.sum("dedup_unique_total"), dedupScrape.sum("dedup_duplicates_total"),
                dedupScrape.sum("dedup_unkeyable_total"));
        System.out.printf(Locale.ROOT, "  PostgreSQL product_events: %,d rows; distinct keys %,d: %s%n", rows, unique,
                rows == unique ? "equal" : "NOT EQUAL");
        System.out.printf(Locale.ROOT, "  sink dead letter queue %s: %,d records%n", dlq, records(dlq));
        if (rows != unique) {
            throw new IllegalStateException("product_events holds " + rows + " rows for " + unique + " distinct keys");
        }
    }

    /** Why the rows did not arrive: dedup's counters and lag, the sink's state and its dead letters. */
    private void diagnose(Pipeline pipeline, ServiceMetrics dedup, String dlq) throws Exception {
        ServiceMetrics.Scrape scrape = dedup.scrape();
        System.out.printf(Locale.ROOT, "%nthe pipeline did not deliver: %,d rows for %,d distinct keys on the raw topic%n",
                pipeline.rows().latest().rows(), pipeline.raw().unique());
        System.out.printf(Locale.ROOT, "  dedup: %,.0f first copies, %,.0f later copies, lag %,.0f records%n",
                scrape.sum("dedup_unique_total"), scrape.sum("dedup_duplicates_total"), scrape.sum("dedup_lag_records"));
        ConnectRest connect = platform.connect().rest();
        System.out.println("  " + SINK + ": " + BenchHttp.send(connect, "GET", "/connectors/" + SINK + "/status"));
        System.out.printf(Locale.ROOT, "  dead letter queue %s: %,d records%n", dlq, records(dlq));
        throw new IllegalStateException("the events pipeline did not deliver every event to PostgreSQL: see above and "
                + layout.logsDir());
    }

    /** dedup's store of seen keys: memory while it runs, then (stopped, so its memtables are flushed) disk. */
    private void footprint(ServiceMetrics dedup, long keys) throws Exception {
        ServiceMetrics.Scrape scrape = dedup.scrape();
        String family = "kafka_streams_stream_state_metrics_";
        double capacity = scrape.max(family + "block_cache_capacity");
        double cacheUsage = scrape.max(family + "block_cache_usage");
        double memtables = scrape.sum(family + "size_all_mem_tables");
        double storeKeys = scrape.sum("dedup_store_keys");
        System.out.printf(Locale.ROOT, "%ndedup store of seen keys, %,d keys (RocksDB estimates %,.0f):%n", keys,
                storeKeys);
        System.out.printf(Locale.ROOT, "  memory: block cache %.1f MiB used of %.0f MiB (shared by every store of the "
                + "JVM, memtables and index/filter blocks charged to it: BoundedRocksDb), memtables %.1f MiB; "
                + "dedup JVM resident %.0f MiB%n", cacheUsage / (1 << 20), capacity / (1 << 20), memtables / (1 << 20),
                residentBytes(DEDUP) / (1 << 20));
        platform.stop(DEDUP);
        Path stateDir = layout.dataDir(DEDUP);
        DedupFootprint.Disk disk = DedupFootprint.disk(stateDir);
        DedupFootprint.Changelog changelog = DedupFootprint.changelog(bench.admin());
        if (keys == 0) {
            return;
        }
        double perKey = (double) disk.bytes() / keys;
        double sstPerKey = (double) disk.sstBytes() / keys;
        double changelogPerKey = changelog.bytesPerReplica() / keys;
        System.out.printf(Locale.ROOT, "  disk (dedup stopped, memtables flushed): %s %,d bytes, of which %,d in %d SST "
                + "files%n", stateDir, disk.bytes(), disk.sstBytes(), disk.sstFiles());
        System.out.printf(Locale.ROOT, "  = %.1f bytes per key (SST %.1f) = %.1f MB per million keys; target <= 64 "
                + "bytes per key per replica: %s%n", perKey, sstPerKey, perKey, perKey <= 64 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "  changelog %s%n  = %.1f bytes per key per replica%n", changelog.describe(),
                changelogPerKey);
        int replication = changelog.partitions() == 0 ? 0 : changelog.replicas() / changelog.partitions();
        System.out.printf(Locale.ROOT, "  7 days at 1,000 events/s (%,d keys): state %.1f GB per instance, changelog "
                + "%.1f GB per replica (%.1f GB on its %d replicas); off-heap memory bounded at %.0f MiB whatever the "
                + "keys%n", WEEK_OF_KEYS, perKey * WEEK_OF_KEYS / 1e9, changelogPerKey * WEEK_OF_KEYS / 1e9,
                changelogPerKey * WEEK_OF_KEYS * replication / 1e9, replication, capacity / (1 << 20));
    }

    /** The records {@code topic} holds: the sum over its partitions of end minus beginning offsets. */
    private long records(String topic) throws Exception {
        try (Admin admin = Admin.create(bench.admin())) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            long end = offsets(admin, partitions, OffsetSpec.latest());
            return end - offsets(admin, partitions, OffsetSpec.earliest());
        }
    }

    private static long offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec)))
                .all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }

    /** The resident memory of a component's first process, from {@code /proc/<pid>/status}. */
    private double residentBytes(String component) {
        return platform.catalog().component(component).processes().stream()
                .flatMap(process -> process.running().stream()).findFirst().map(handle -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status")).stream()
                                .filter(line -> line.startsWith("VmRSS:")).findFirst()
                                .map(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024).orElse(Double.NaN);
                    } catch (IOException e) {
                        return Double.NaN;
                    }
                }).orElse(Double.NaN);
    }
}
