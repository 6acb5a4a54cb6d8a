package dev.bazaar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.setup.ConnectRest;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Megabytes per second of orders landed in HDFS by the HDFS sink (orders → Connect → our connector
 * → HDFS, committed exactly once) against writing the same lines, in the same files, straight to
 * the same HDFS with Hadoop's FileSystem API, in one run (goal: the connector at least 70 %). The
 * connector is paused while orders fills; every partition gets a whole number of the connector's
 * {@code flush.size}, so each batch is committed by count and the run never waits for the
 * rotation interval. The direct run writes each batch's files with the connector's task count as threads.
 */
public final class HdfsSinkBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR = "hdfs-orders-sink";
    private static final String GROUP = "connect-" + CONNECTOR;
    private static final String[] CUSTOMERS = {"Alice", "Bob", "Charlie", "David", "Eva", "Frank", "Grace", "Heidi"};

    private HdfsSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batchesPerPartition = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BenchPlatform.run(List.of("hdfs-orders-sink", "registry"), bench -> run(bench, batchesPerPartition));
    }

    private static void run(BenchPlatform bench, int batchesPerPartition) throws Exception {
        ConnectRest connect = bench.platform().connect().rest();
        JsonNode config = JSON.readTree(BenchHttp.send(connect, "GET", "/connectors/" + CONNECTOR + "/config"));
        int tasks = config.path("tasks.max").asInt(1);
        int flushSize = config.path("flush.size").asInt(1000);
        String hdfsUrl = bench.platform().endpoints().serviceUrl("hdfs").orElseThrow();
        Configuration conf = new Configuration();
        conf.set("dfs.replication", "1");
        try (FileSystem hdfs = FileSystem.newInstance(URI.create(hdfsUrl), conf); Admin admin = Admin.create(bench.admin())) {
            int partitions = admin.describeTopics(List.of(Topics.ORDERS)).allTopicNames().get().get(Topics.ORDERS)
                    .partitions().size();
            int perPartition = flushSize * batchesPerPartition;

            System.out.printf("warming up both paths with one batch per partition (%,d orders)%n", flushSize * partitions);
            List<List<byte[]>> warmUp = orders("warm", partitions, flushSize);
            throughConnector(bench, connect, admin, hdfs, warmUp);
            direct(hdfs, "/bench/warm", warmUp, flushSize, tasks);

            List<List<byte[]>> orders = orders("bench", partitions, perPartition);
            long bytes = orders.stream().flatMap(List::stream).mapToLong(line -> line.length + 1).sum();
            System.out.printf("%,d orders (%,.1f MB of JSON lines), %d partitions, flush.size %,d, %d tasks%n",
                    (long) partitions * perPartition, bytes / 1e6, partitions, flushSize, tasks);
            double connectorSeconds = throughConnector(bench, connect, admin, hdfs, orders);
            double directSeconds = direct(hdfs, "/bench/direct", orders, flushSize, tasks);

            double connectorRate = bytes / 1e6 / connectorSeconds;
            double directRate = bytes / 1e6 / directSeconds;
            System.out.println();
            System.out.printf(Locale.ROOT, "%-42s %10s %10s%n", "run", "seconds", "MB/s");
            System.out.printf(Locale.ROOT, "%-42s %10.2f %10.1f%n", "direct FileSystem writes, " + tasks + " threads",
                    directSeconds, directRate);
            System.out.printf(Locale.ROOT, "%-42s %10.2f %10.1f%n", "hdfs-orders-sink connector, " + tasks + " tasks",
                    connectorSeconds, connectorRate);
            System.out.printf(Locale.ROOT, "ratio: the connector lands %.0f %% of the direct write rate (goal >= 70 %%)%n",
                    100.0 * connectorRate / directRate);
        }
    }

    /**
     * Fills orders (each partition its share) with the connector paused, resumes it, and returns the
     * seconds until all their lines are in committed files (the bytes under /data/orders outside its
     * staging folder); then waits for the group's offsets too, so the next run starts clean.
     */
    private static double throughConnector(BenchPlatform bench, ConnectRest connect, Admin admin, FileSystem hdfs,
            List<List<byte[]>> orders) throws Exception {
        BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/pause");
        fill(bench, orders);
        Map<TopicPartition, Long> ends = endOffsets(admin, orders.size());
        long expected = committedBytes(hdfs) + orders.stream().flatMap(List::stream).mapToLong(line -> line.length + 1).sum();
        long began = System.nanoTime();
        BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/resume");
        while (committedBytes(hdfs) < expected) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        while (!committedUpTo(admin, ends)) {
            Thread.sleep(200);
        }
        BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/pause");
        return seconds;
    }

    private static long committedBytes(FileSystem hdfs) throws IOException {
        Path orders = new Path("/data/orders");
        Path staging = new Path(orders, "_tmp");
        if (!hdfs.exists(orders)) {
            return 0;
        }
        long all = hdfs.getContentSummary(orders).getLength();
        return hdfs.exists(staging) ? all - hdfs.getContentSummary(staging).getLength() : all;
    }

    /** The same lines in the same files (a file per customer per batch of flush.size), written with FileSystem. */
    private static double direct(FileSystem hdfs, String dir, List<List<byte[]>> orders, int flushSize, int threads)
            throws Exception {
        List<Map<String, List<byte[]>>> files = new ArrayList<>();
        for (List<byte[]> partition : orders) {
            for (int from = 0; from < partition.size(); from += flushSize) {
                Map<String, List<byte[]>> batch = new LinkedHashMap<>();
                for (int n = from; n < Math.min(from + flushSize, partition.size()); n++) {
                    batch.computeIfAbsent(customer(JSON.readTree(partition.get(n))), c -> new ArrayList<>())
                            .add(partition.get(n));
                }
                files.add(batch);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long began = System.nanoTime();
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int b = 0; b < files.size(); b++) {
                int batch = b;
                writes.add(pool.submit(() -> writeBatch(hdfs, dir + "/batch-" + batch, files.get(batch))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private static Void writeBatch(FileSystem hdfs, String dir, Map<String, List<byte[]>> batch) throws IOException {
        for (Map.Entry<String, List<byte[]>> customer : batch.entrySet()) {
            try (FSDataOutputStream out = hdfs.create(new Path(dir + "/customer=" + customer.getKey() + "/lines.jsonl"),
                    true)) {
                for (byte[] line : customer.getValue()) {
                    out.write(line);
                    out.write('\n');
                }
                out.hsync();
            }
        }
        return null;
    }

    /** For each partition, {@code perPartition} orders as the JSON the registry serializer writes. */
    private static List<List<byte[]>> orders(String prefix, int partitions, int perPartition) throws IOException {
        ObjectNode example;
        try (InputStream in = HdfsSinkBenchmark.class.getResourceAsStream("/bazaar/setup/schemas/examples/orders.valid.json")) {
            if (in == null) {
                throw new IllegalStateException("the example order is not on the classpath (bazaar-setup)");
            }
            example = (ObjectNode) JSON.readTree(in);
        }
        List<List<byte[]>> orders = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            List<byte[]> partition = new ArrayList<>(perPartition);
            for (int n = 0; n < perPartition; n++) {
                ObjectNode order = example.deepCopy().put("orderId", String.format("%s-%d-%07d", prefix, p, n))
                        .put("customer", CUSTOMERS[n % CUSTOMERS.length]);
                partition.add(JSON.writeValueAsBytes(order));
            }
            orders.add(partition);
        }
        return orders;
    }

    private static void fill(BenchPlatform bench, List<List<byte[]>> orders) throws IOException {
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(bench.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        Properties props = bench.admin();
        props.put("acks", "all");
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        try (KafkaProducer<String, JsonNode> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
            for (int p = 0; p < orders.size(); p++) {
                for (byte[] order : orders.get(p)) {
                    JsonNode node = JSON.readTree(order);
                    producer.send(new ProducerRecord<>(Topics.ORDERS, p, node.path("orderId").asText(), node));
                }
            }
            producer.flush();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(Topics.ORDERS, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : admin.listOffsets(latest).all().get()
                .entrySet()) {
            ends.put(end.getKey(), end.getValue().offset());
        }
        return ends;
    }

    private static boolean committedUpTo(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() >= end.getValue());
    }

    private static String customer(JsonNode order) {
        return order.path("customer").asText();
    }
}
