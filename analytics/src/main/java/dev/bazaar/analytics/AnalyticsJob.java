package dev.bazaar.analytics;

import dev.bazaar.analytics.catalog.Catalog;
import dev.bazaar.analytics.catalog.CatalogReader;
import dev.bazaar.analytics.compute.Analysis;
import dev.bazaar.analytics.compute.Period;
import dev.bazaar.analytics.compute.Recommender;
import dev.bazaar.analytics.compute.SalesReporter;
import dev.bazaar.analytics.config.AnalyticsConfig;
import dev.bazaar.analytics.orders.OrderFiles;
import dev.bazaar.analytics.publish.PublishException;
import dev.bazaar.analytics.publish.RegistryEncoder;
import dev.bazaar.analytics.publish.ResultPublisher;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the analytics job: reads the catalog from {@code filtered-items}, the committed order
 * files from HDFS, computes recommendations and the sales report with Spark, and publishes them as
 * principal analytics. A failure is thrown as a {@link JobFailure} that says which address did not
 * answer and what to do, carrying the counts of what the run did before it failed.
 */
public final class AnalyticsJob {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsJob.class);
    /** Where the HDFS sink writes orders on the platform's HDFS. */
    static final String ORDERS_FOLDER = "/data/orders";

    private final AnalyticsConfig config;
    private final RuntimeLayout layout;
    private final Map<String, String> env;
    private final Clock clock;
    private final Progress progress;

    public AnalyticsJob(AnalyticsConfig config, RuntimeLayout layout, Map<String, String> env, Clock clock,
            Progress progress) {
        this.config = config;
        this.layout = layout;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.progress = progress;
    }

    /** Runs the job once; returns its summary or throws a {@link JobFailure}. */
    public RunSummary run() {
        RunStats stats = new RunStats(clock.instant());
        try {
            execute(stats);
        } catch (JobFailure e) {
            throw e;
        } catch (ConfigException | IllegalStateException | PublishException e) {
            throw failure(stats, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failure(stats, Failures.messages(e), e);
        }
        RunSummary summary = stats.summary(clock.instant(), null);
        progress.step(String.format(Locale.ROOT, "done in %.1f s: %,d orders read, %,d customers, %,d products, "
                        + "%,d records published", summary.seconds(), summary.ordersRead(), summary.customers(),
                summary.products(), summary.recordsPublished()));
        return summary;
    }

    private void execute(RunStats stats) {
        Period period = Period.endingAt(stats.startedAt, config.period());
        PlatformEndpoints endpoints = PlatformEndpoints.load(layout);
        stats.orders = ordersRoot(endpoints);
        KafkaConnection kafka = KafkaConnection.resolve(env, layout, Cluster.MAIN, KafkaClients.PRINCIPAL);
        // resolved before Spark starts, so a bad registry setting fails the run at once
        RegistryConnection registry = RegistryConnection.resolve(env, layout, RegistryUser.READONLY);
        Catalog catalog = readCatalog(kafka, stats);
        long began = System.nanoTime();
        SparkSession spark = SparkSessions.start(config, env);
        try {
            log.info("Spark {} session ready in {} ms (master {})", spark.version(), millisSince(began),
                    spark.sparkContext().master());
            List<String> files = listFiles(spark, stats);
            try (Analysis.Result result = analyse(spark, files, catalog, period, stats)) {
                publish(result, kafka, registry, period, stats);
            }
        } finally {
            spark.stop();
        }
    }

    private String ordersRoot(PlatformEndpoints endpoints) {
        return config.ordersPath().orElseGet(() -> endpoints.serviceUrl("hdfs")
                .map(url -> url.replaceAll("/+$", "") + ORDERS_FOLDER)
                .orElseThrow(() -> new ConfigException(AnalyticsConfig.ORDERS_PATH, "",
                        "the platform runs no HDFS (no service.hdfs.url in " + layout.endpointsFile()
                                + "): start it with ./bazaar up, or give the orders' folder (--orders)")));
    }

    private Catalog readCatalog(KafkaConnection kafka, RunStats stats) {
        long began = System.nanoTime();
        try (Consumer<String, byte[]> consumer = KafkaClients.catalogConsumer(kafka, config.kafkaTimeout())) {
            CatalogReader.Result result = new CatalogReader(consumer, config.kafkaTimeout()).read(Topics.FILTERED_ITEMS);
            stats.catalogProducts = result.catalog().size();
            progress.step(String.format(Locale.ROOT, "catalog: %,d products in %s (%,d records, %,d tombstones, "
                            + "%,d unreadable) [%.1f s]", result.catalog().size(), Topics.FILTERED_ITEMS,
                    result.records(), result.tombstones(), result.unreadable(), secondsSince(began)));
            return result.catalog();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " did not answer within "
                    + config.kafkaTimeout().toSeconds() + " s (reading " + Topics.FILTERED_ITEMS + " as principal "
                    + KafkaClients.PRINCIPAL + "): is the platform running? Start it with ./bazaar up", e);
        } catch (AuthenticationException | AuthorizationException e) {
            throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " refused principal "
                    + KafkaClients.PRINCIPAL + " reading " + Topics.FILTERED_ITEMS + " (" + e.getMessage()
                    + "): run ./bazaar setup apply", e);
        }
    }

    private List<String> listFiles(SparkSession spark, RunStats stats) {
        try {
            List<String> files = OrderFiles.list(stats.orders, spark.sparkContext().hadoopConfiguration());
            stats.files = files.size();
            return files;
        } catch (IOException e) {
            String why = Failures.causedBy(e, ConnectException.class) ? "does not answer" : "cannot be listed";
            throw new IllegalStateException("the order files at " + stats.orders + " " + why + " ("
                    + Failures.messages(e) + "): is HDFS running? Start it with ./bazaar up", e);
        }
    }

    private Analysis.Result analyse(SparkSession spark, List<String> files, Catalog catalog, Period period,
            RunStats stats) {
        long began = System.nanoTime();
        Analysis analysis = new Analysis(spark, new Recommender(config.maxRecommendations(), config.minOrders()),
                new SalesReporter(config.topProducts(), config.nameLanguage()));
        Analysis.Result result;
        try {
            result = analysis.analyse(files, catalog, period, stats.startedAt);
        } catch (RuntimeException e) {
            throw new IllegalStateException("reading the orders at " + stats.orders + " failed: "
                    + Failures.messages(e), e);
        }
        stats.lines = result.orders().lines();
        stats.invalidLines = result.orders().invalid();
        stats.ordersRead = result.orders().orders();
        stats.cancelled = result.orders().cancelled();
        stats.periodOrders = result.periodOrders();
        stats.products = result.products();
        stats.customers = result.customers();
        progress.step(String.format(Locale.ROOT, "orders: %,d files under %s: %,d lines, %,d not valid orders; "
                        + "%,d orders (latest versions), %,d cancelled [%.1f s]", files.size(), stats.orders,
                stats.lines, stats.invalidLines, stats.ordersRead, stats.cancelled, secondsSince(began)));
        progress.step(String.format(Locale.ROOT, "period %s: %,d orders, %,d products; %,d customers",
                period, stats.periodOrders, stats.products, stats.customers));
        return result;
    }

    private void publish(Analysis.Result result, KafkaConnection kafka, RegistryConnection registry, Period period,
            RunStats stats) {
        long began = System.nanoTime();
        try (RegistryEncoder encoder = new RegistryEncoder(registry);
                Producer<String, byte[]> producer = KafkaClients.producer(kafka, config.kafkaTimeout())) {
            ResultPublisher publisher = new ResultPublisher(producer, encoder, config.kafkaTimeout(),
                    kafka.bootstrapServers());
            stats.recommendationsPublished = publisher.publishRecommendations(
                    Recommender.stream(result.recommendations()), period, stats.startedAt);
            // the lists are computed while they are published, so this step's time includes Spark's work
            progress.step(String.format(Locale.ROOT, "published recommendations for %,d customers to %s [%.1f s]",
                    stats.recommendationsPublished, Topics.RECOMMENDATIONS, secondsSince(began)));
            stats.reportsPublished = publisher.publishReport(result.report());
            stats.reportId = result.report().reportId();
            progress.step(String.format(Locale.ROOT, "published report %s to %s: %,d categories, %,d top products",
                    stats.reportId, Topics.ANALYTIC_TOPIC, result.report().categories().size(),
                    result.report().topProducts().size()));
        } catch (KafkaException e) {
            throw new PublishException("Kafka at " + kafka.bootstrapServers() + " failed the publication: "
                    + Failures.messages(e) + "; is the platform running? Start it with ./bazaar up", e);
        }
    }

    private JobFailure failure(RunStats stats, String message, Throwable cause) {
        log.debug("run failed", cause);
        return new JobFailure(message, cause, stats.summary(clock.instant(), message));
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
