package dev.bazaar.platform.cli;

import static dev.bazaar.platform.cli.Benchmark.argument;

import java.util.List;
import picocli.CommandLine;

/** The commands of other modules, each run in a JVM of its own: declared here once, added to {@code bazaar}. */
final class ModuleCommands {

    /** The modules' command line tools; {@code bazaar <name> ...} passes every argument to its main class. */
    static final List<ModuleCli> MODULES = List.of(
            ModuleCli.of("shop", "shop-api", "dev.bazaar.shop.cli.ShopCli",
                    "Publish generated catalog items and orders through shop-api.")
                    .withJvmOptions("-Dlog4j2.level=warn"),
            ModuleCli.of("filter", "stream-filter", "dev.bazaar.filter.cli.FilterCli",
                    "Block, unblock and list products on stream-filter's stop-list."),
            ModuleCli.of("client", "client-api", "dev.bazaar.client.cli.ClientCli",
                    "Search the catalog and show recommendations through client-api.")
                    .withJvmOptions("-Dlog4j2.level=warn"),
            ModuleCli.of("events", "events-api", "dev.bazaar.events.cli.EventsCli",
                    "Send generated product events through events-api; count them at each step to PostgreSQL.")
                    .withJvmOptions("-Dlog4j2.level=warn"),
            ModuleCli.of("promo", "promo", "dev.bazaar.promo.cli.PromoCli",
                    "Publish a store's campaign, subscribe or unsubscribe a customer, record a customer's feedback.")
                    .withJvmOptions("-Dlog4j2.level=warn"),
            ModuleCli.of("dedup", "dedup", "dev.bazaar.dedup.cli.DedupCli",
                    "De-duplicate a topic into another, exactly once (the generic dedup app, until Ctrl-C).")
                    .withJvmOptionsFromJdk24("--enable-native-access=ALL-UNNAMED"),
            // the job runs Spark in local mode in that JVM, its driver and UI bound to loopback unless told otherwise
            ModuleCli.of("analytics", "analytics", "dev.bazaar.analytics.AnalyticsCli",
                    "Run the Spark job once: orders in HDFS into recommendations and a sales report.")
                    .withJvmOptions("-Xmx1g")
                    .withJvmOptionsFromJdk24("--enable-native-access=ALL-UNNAMED")
                    .withEnvironmentDefault("SPARK_LOCAL_IP", "127.0.0.1"));

    /** The benchmarks of {@code bench/}, as {@code bazaar bench <name> [numbers]}. */
    static final List<Benchmark> BENCHMARKS = List.of(
            Benchmark.of("shop-ingest", "ShopIngestBenchmark",
                    "shop-api HTTP ingest vs Kafka's ProducerPerformance (1 KB items, acks=all).",
                    argument("records", "1 KB items to send each way.")),
            Benchmark.of("filter", "FilterBenchmark",
                    "stream-filter vs a plain exactly-once loop; latency at rate/s vs Kafka's EndToEndLatency.",
                    argument("records", "1 KB items through the filter and through the loop."),
                    argument("rate", "Records per second of the latency run.")),
            Benchmark.of("search-sink", "SearchSinkBenchmark",
                    "The search sink vs direct bulk indexing with elasticsearch-java (documents/s).",
                    argument("documents", "Documents to index each way.")),
            Benchmark.of("replication-lag", "ReplicationLagBenchmark",
                    "MirrorMaker's lag at rate/s vs the main cluster's own end-to-end latency.",
                    argument("records", "1 KB records produced on main."),
                    argument("rate", "Records per second.")),
            Benchmark.of("hdfs-sink", "HdfsSinkBenchmark",
                    "The HDFS sink's MB/s vs direct FileSystem writes of the same lines.",
                    argument("batches", "Batches (of the connector's flush.size) per partition.")),
            Benchmark.of("search-latency", "SearchLatencyBenchmark",
                    "client-api GET /search p50/p99 vs the same query sent straight to Elasticsearch.",
                    argument("items", "Items indexed before searching."),
                    argument("searches", "Searches each way.")),
            Benchmark.of("events", "EventsBenchmark",
                    "events-api under wrk (3 KB view events, a fifth copies) vs ProducerPerformance, interleaved; "
                            + "rows/s into PostgreSQL; dedup's store per million keys.",
                    argument("seconds", "Seconds of each wrk run (default 30; wrk -d)."),
                    argument("connections", "wrk's connections (default 64; wrk -c, 2 threads)."),
                    argument("pairs", "ProducerPerformance + wrk pairs, interleaved (default 3).")),
            Benchmark.of("promo", "PromoBenchmark",
                    "promo's fan-out (10,000 subscribers over 100 stores by CDC, 1,000 active campaigns) vs a plain "
                            + "EOS loop fanning out from a map, interleaved; campaign to last notification p50/p99; "
                            + "the feedback sink's lag.",
                    argument("runs", "Runs of each side, interleaved (default 3).")),
            Benchmark.of("console", "ConsoleBenchmark",
                    "The console's topic list with 1,000 topics and first page of 1,000,000 × 1 KB records in 6 "
                            + "partitions (goal < 1 s each, as admin) vs the same Kafka calls made directly, interleaved.",
                    argument("rounds", "Rounds of each page and its Kafka calls (default 5).")));

    private ModuleCommands() {
    }

    /** Adds every module's command and {@code bench} to {@code root}, each run by {@code jvm}. */
    static void addTo(CommandLine root, ChildJvm jvm) {
        MODULES.forEach(program -> root.addSubcommand(DelegateCommand.commandLine(program, jvm)));
        root.addSubcommand(BenchCommand.commandLine(BENCHMARKS, jvm));
    }
}
