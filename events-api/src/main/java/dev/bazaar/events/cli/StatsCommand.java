package dev.bazaar.events.cli;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Topics;
import dev.bazaar.common.cli.ServiceException;
import dev.bazaar.events.EventKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bazaar events stats}: how many events were received (on {@code product-events-raw}), found
 * unique and duplicate by dedup, and stored in PostgreSQL — the counts an operator compares: unique
 * should equal rows once the sink caught up. Exit 0 when every count was read, 3 when one could not be
 * (the others are printed all the same).
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print received, unique and duplicate events and the rows in PostgreSQL.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--var", defaultValue = "${env:BAZAAR_VAR:-var}",
            description = "Runtime folder of the platform: endpoints and credentials (default: ${DEFAULT-VALUE}).")
    private Path var;

    @Option(names = "--timeout", defaultValue = "60s",
            description = "How long to read each topic to its end at most, e.g. 60s or 2m (default ${DEFAULT-VALUE}).")
    private String timeout;

    @Override
    public Integer call() {
        Duration limit = parseTimeout();
        RuntimeLayout layout = new RuntimeLayout(var);
        PrintWriter out = spec.commandLine().getOut();
        List<String> failures = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(layout)) {
            TopicCounts counts = new TopicCounts(consumer, limit);
            print(out, "received", Topics.PRODUCT_EVENTS_RAW, () -> Map.of("", counts.byOffsets(Topics.PRODUCT_EVENTS_RAW)),
                    failures);
            print(out, "unique", Topics.PRODUCT_EVENTS, () -> counts.byReading(Topics.PRODUCT_EVENTS, EventKind.HEADER),
                    failures);
            print(out, "duplicates", Topics.PRODUCT_EVENTS_DUPLICATES,
                    () -> counts.byReading(Topics.PRODUCT_EVENTS_DUPLICATES, EventKind.HEADER), failures);
        } catch (KafkaException | IllegalStateException e) {
            failures.add("Kafka: " + e.getMessage());
        }
        print(out, "rows in PostgreSQL", "product_events",
                () -> Map.of("", PostgresRows.resolve(System.getenv(), layout).count()), failures);
        out.flush();
        failures.forEach(failure -> spec.commandLine().getErr().println("bazaar events stats: " + failure));
        spec.commandLine().getErr().flush();
        return failures.isEmpty() ? 0 : EventsCli.SERVICE_ERROR;
    }

    /** A count source that may fail. */
    @FunctionalInterface
    private interface Count {
        Map<String, Long> read();
    }

    private static void print(PrintWriter out, String what, String where, Count count, List<String> failures) {
        String label = String.format(Locale.ROOT, "%-19s %-27s", what, "(" + where + "):");
        try {
            Map<String, Long> counts = count.read();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            String kinds = counts.size() > 1 || !counts.containsKey("") ? "  " + counts : "";
            out.printf(Locale.ROOT, "%s %d%s%n", label, total, kinds);
        } catch (ServiceException | KafkaException | IllegalStateException e) {
            out.printf(Locale.ROOT, "%s unavailable%n", label);
            failures.add(what + ": " + e.getMessage());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(RuntimeLayout layout) {
        Properties props = KafkaConnection.resolve(System.getenv(), layout, Cluster.MAIN, "events").clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bazaar-events-stats");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Duration parseTimeout() {
        String value = timeout.strip().toLowerCase(Locale.ROOT);
        try {
            Duration parsed = value.endsWith("m") ? Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)))
                    : Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
            if (parsed.isZero() || parsed.isNegative()) {
                throw new NumberFormatException("not positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds (60s) or "
                    + "minutes (2m), was '" + timeout + "'");
        }
    }
}
