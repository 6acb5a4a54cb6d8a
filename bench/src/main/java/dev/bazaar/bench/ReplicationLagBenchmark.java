package dev.bazaar.bench;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.mirror.MirrorMaker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * MirrorMaker 2's replication lag: 1 KB records produced on main at a steady rate (2k/s by default)
 * to {@code orders}, each timed from its send (the record timestamp, which MirrorMaker keeps) to
 * its arrival at a consumer of the copy {@code main.orders} on the mirror cluster. The baseline is
 * a consumer of {@code orders} on main itself in the same run: the difference is what replication adds.
 */
public final class ReplicationLagBenchmark {

    private static final String PREFIX = "lag";
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private ReplicationLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        BenchPlatform.run(List.of("core", "mirror-maker"), bench -> run(bench, records, rate));
    }

    private static void run(BenchPlatform bench, int records, int rate) throws Exception {
        Properties main = bench.admin();
        Properties mirror = bench.platform().adminConnection(Cluster.MIRROR).clientProperties();
        List<byte[]> values = List.of(new byte[1024]);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (KafkaConsumer<String, byte[]> onMain = atEnd(main, Topics.ORDERS);
                KafkaConsumer<String, byte[]> onMirror = atEnd(mirror, MirrorMaker.mirrored(Topics.ORDERS))) {
            System.out.printf("producing %,d records of 1 KB to %s at %,d/s; timing them on main and on the mirror%n",
                    records, Topics.ORDERS, rate);
            long began = System.nanoTime();
            Future<?> producing = pool.submit(() -> {
                PacedProducer.send(main, Topics.ORDERS, PREFIX, records, rate, values);
                return null;
            });
            Future<Arrivals> mainArrivals = pool.submit(() -> arrivals(onMain, records));
            Arrivals mirrorArrivals = arrivals(onMirror, records);
            producing.get();
            double seconds = (System.nanoTime() - began) / 1e9;
            Latencies baseline = mainArrivals.get().sinceSent();
            Latencies mirrorLatencies = mirrorArrivals.sinceSent();
            Latencies added = mirrorArrivals.after(mainArrivals.get());
            RunResult local = new RunResult("consumer on main (orders)", baseline.millis().length,
                    records / seconds, baseline.percentile(50), baseline.percentile(99));
            RunResult replicated = new RunResult("consumer on mirror (main.orders)", mirrorLatencies.millis().length,
                    records / seconds, mirrorLatencies.percentile(50), mirrorLatencies.percentile(99));
            System.out.println();
            System.out.println(RunResult.header());
            System.out.println(local.row());
            System.out.println(replicated.row());
            System.out.printf(Locale.ROOT, "replication lag (arrival on the mirror minus arrival on main, per record): "
                    + "p50 %.0f ms, p99 %.0f ms, over %,d records%n", added.percentile(50), added.percentile(99),
                    added.millis().length);
            System.out.printf(Locale.ROOT, "send to mirror: p50 %.0f ms, p99 %.0f ms (%.2fx / %.2fx send to main)%n",
                    replicated.p50Millis(), replicated.p99Millis(), replicated.p50Millis() / local.p50Millis(),
                    replicated.p99Millis() / local.p99Millis());
            if (records / seconds < rate * 0.95) {
                System.out.printf(Locale.ROOT, "note: the producer reached %.0f of %d records/s: above this machine's "
                        + "capacity, latencies include queueing in the producer%n", records / seconds, rate);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A consumer without a group, positioned at the end of every partition of {@code topic}. */
    private static KafkaConsumer<String, byte[]> atEnd(Properties client, String topic) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("fetch.max.wait.ms", "100");
        props.put("max.poll.records", "2000");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(topic + " does not exist (is MirrorMaker replicating?)");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> consumer.position(partition));
        return consumer;
    }

    /** When each benchmark record was sent (its timestamp) and when it arrived, by key. */
    private record Arrivals(Map<String, long[]> byKey) {

        Latencies sinceSent() {
            return new Latencies(byKey.values().stream().mapToDouble(times -> times[1] - times[0]).toArray());
        }

        /** For each record that arrived in both: how much later it arrived here than in {@code first}. */
        Latencies after(Arrivals first) {
            return new Latencies(byKey.entrySet().stream().filter(e -> first.byKey().containsKey(e.getKey()))
                    .mapToDouble(e -> e.getValue()[1] - first.byKey().get(e.getKey())[1]).toArray());
        }
    }

    /** Send and arrival time of each benchmark record, until all arrived or the drain deadline. */
    private static Arrivals arrivals(KafkaConsumer<String, byte[]> consumer, int records) {
        Map<String, long[]> byKey = new HashMap<>(records * 2);
        Instant deadline = Instant.now().plus(DRAIN).plusSeconds(records / 1000);
        while (byKey.size() < records && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.key() != null && record.key().startsWith(PREFIX + "-")) {
                    byKey.putIfAbsent(record.key(), new long[] {record.timestamp(), System.currentTimeMillis()});
                }
            }
        }
        if (byKey.size() < records) {
            System.out.printf("only %,d of %,d records arrived within the deadline%n", byKey.size(), records);
        }
        return new Arrivals(byKey);
    }
}
