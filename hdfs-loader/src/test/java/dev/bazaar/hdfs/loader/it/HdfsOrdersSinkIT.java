package dev.bazaar.hdfs.loader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.ExampleRecords;
import dev.bazaar.setup.ConnectorApplier;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaSerializer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged HDFS sink on the platform's own Connect worker and HDFS (NameNode and DataNode in
 * their own JVMs), configured from {@code setup/connectors/hdfs-orders-sink.json}, all started as
 * {@code ./bazaar up} starts them. The platform may be the build's one, shared with other modules'
 * tests: their orders land in {@code /data/orders} too and their dead letters sit on
 * {@code dlq-hdfs-orders}, so every order id and key here starts with this run's own prefix, and only
 * those are counted.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsOrdersSinkIT {

    /** A commit follows within a rotation interval and the worker's offset flush. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /**
     * The rotation interval while this class runs (the shipped one is 15 s, restored after it): every case
     * waits for files to rotate, and what it checks does not depend on how often they do.
     */
    private static final String ROTATION_MILLIS = "3000";
    private static final String SINK = "hdfs-orders-sink";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CUSTOMERS = {"Alice", "Bob", "Charlie", "David", "Eva"};
    /** This run's prefix of order ids and keys (an order id allows letters, digits, '_' and '-'). */
    private static final String RUN = "hdfs-it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final String FIRST = RUN + "first-";
    private static final String ABORTED = RUN + "txn-aborted-";
    private static final String COMMITTED = RUN + "txn-committed-";
    private static final String KILL = RUN + "kill-";
    private static final String AFTER_BAD = RUN + "after-bad-";
    private static final String BAD = RUN + "bad-1";

    private FileSystem hdfs;

    @BeforeAll
    void connect(Running platform) throws Exception {
        Configuration conf = new Configuration();
        conf.set("dfs.replication", "1");
        hdfs = FileSystem.newInstance(URI.create(platform.platform().endpoints().serviceUrl("hdfs").orElseThrow()), conf);
        rotateEvery(platform, ROTATION_MILLIS);
    }

    @AfterAll
    void disconnect(Running platform) throws Exception {
        hdfs.close();
        rotateEvery(platform, null);
    }

    /** Applies the shipped sink with {@code rotate.interval.ms} set to {@code millis} (null: as shipped) and waits until it runs. */
    private static void rotateEvery(Running platform, String millis) throws Exception {
        ConnectorApplier connectors = platform.platform().connectors();
        ConnectorApplier.ConnectorSpec shipped = connectors.load(platform.platform().config().home()
                .resolve("setup/connectors")).stream().filter(spec -> spec.name().equals(SINK)).findFirst().orElseThrow();
        Map<String, String> config = new HashMap<>(shipped.config());
        if (millis != null) {
            config.put("rotate.interval.ms", millis);
        }
        connectors.apply(List.of(new ConnectorApplier.ConnectorSpec(SINK, shipped.file(), config)), Duration.ofMinutes(2));
    }

    @Test
    @Order(1)
    void ordersLandAsJsonLinesInTheirCustomersFolderNamedByTopicPartitionAndOffsets(Running platform) throws Exception {
        // when 50 orders of five customers are published
        publish(platform, FIRST, 0, 50);

        // then each is one line in its customer's folder, in a file whose name carries its offsets
        Map<String, List<Line>> lines = await().atMost(DEADLINE).until(() -> linesById(FIRST), found -> found.size() == 50);
        for (List<Line> copies : lines.values()) {
            assertThat(copies).hasSize(1);
            Line line = copies.getFirst();
            assertThat(line.folder()).isEqualTo("customer=" + line.order().path("customer").asText());
            assertThat(line.file()).matches("orders\\+\\d\\+\\d{10}\\+\\d{10}\\.jsonl");
        }
        assertThat(lines.get(FIRST + 7).getFirst().order()).isEqualTo(order(FIRST, 7));
    }

    @Test
    @Order(1)
    void ordersOfAnAbortedTransactionNeverLandCommittedOnesDo(Running platform) throws Exception {
        // given an aborted transaction on orders, then a committed one behind it on the same partition
        Properties props = producerProperties(platform, "admin");
        props.put("transactional.id", "hdfs-loader-it-aborted");
        JsonSchemaKafkaSerializer<JsonNode> serializer = registrySerializer(platform);
        try (KafkaProducer<String, JsonNode> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ORDERS, 2, ABORTED + 0, order(ABORTED, 0)));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ORDERS, 2, COMMITTED + 0, order(COMMITTED, 0)));
            producer.commitTransaction();
        }

        // when the sink has landed the committed order, which it reads after the aborted one
        await().atMost(DEADLINE).until(() -> linesById(COMMITTED).size() == 1);

        // then the aborted order is in no file (the worker's consumers read committed records only)
        assertThat(linesById(ABORTED)).as("orders of the aborted transaction").isEmpty();
    }

    @Test
    @Order(2)
    void aWorkerKilledMidFileLeavesEveryOrderExactlyOnceAndNoTemporaryFileVisible(Running platform) throws Exception {
        // given 1,000 orders committed to HDFS, and 1,000 more trickling in at about 100 a second
        publish(platform, KILL, 0, 1000);
        await().atMost(DEADLINE).until(() -> linesById(KILL).size() == 1000);
        CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> publishSlowly(platform, 1000, 2000));

        // when the worker is killed -9 once part of the trickle is committed (so the rest is mid-file), and the
        // launcher starts it again (bazaar start connect: the worker alone, which resumes the sink as it ran)
        await().atMost(DEADLINE).until(() -> linesById(KILL).size() > 1000);
        ProcessHandle worker = platform.process("connect").running().orElseThrow();
        Running.kill(worker);
        long killedAt = System.nanoTime();
        platform.platform().start("connect", new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        trickle.get(2, TimeUnit.MINUTES);

        // then every component is healthy again (the modules after this one use the same platform)
        await("every component healthy after the worker was started again").atMost(DEADLINE)
                .until(() -> platform.platform().status().stream()
                        .allMatch(status -> status.state() == ComponentStatus.State.HEALTHY));

        // and every order is in HDFS exactly once, and readers see only whole committed files
        Map<String, List<Line>> lines = await().atMost(Duration.ofMinutes(3))
                .until(() -> linesById(KILL), found -> found.size() == 2000);
        System.out.printf("hdfs-orders-sink: all 2000 orders in HDFS %.1f s after the worker was killed%n",
                (System.nanoTime() - killedAt) / 1e9);
        assertThat(lines.values().stream().filter(copies -> copies.size() > 1).map(copies -> copies.getFirst().id()))
                .as("orders written twice").isEmpty();
        assertThat(visibleFiles()).allSatisfy(file -> assertThat(file).endsWith(".jsonl"));
    }

    @Test
    @Order(3)
    void anOrderThatIsNotJsonGoesToTheDeadLetterTopicAndTheRestFlows(Running platform) throws Exception {
        // when a malformed record sits between two orders
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(platform), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.ORDERS, 0, BAD, new byte[] {0, 0, 0, 0, 1, 'n', 'o', 't'})).get();
        }
        publish(platform, AFTER_BAD, 0, 5);

        // then the orders after it land, and it is on dlq-hdfs-orders (among other tests' dead letters)
        await().atMost(DEADLINE).until(() -> linesById(AFTER_BAD).size() == 5);
        assertThat(DeadLetters.keysUntil(platform, "dlq-hdfs-orders", BAD, DEADLINE)).contains(BAD);
    }

    /** Publishes orders {@code from..to-1} as 50 every half second, on one producer. */
    private void publishSlowly(Running platform, int from, int to) {
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, JsonNode> producer = registryProducer(platform)) {
            AtomicInteger next = new AtomicInteger(from);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pace.scheduleAtFixedRate(() -> {
                try {
                    int first = next.getAndAdd(50);
                    for (int n = first; n < Math.min(first + 50, to); n++) {
                        producer.send(new ProducerRecord<>(Topics.ORDERS, KILL + n, order(KILL, n)));
                    }
                    producer.flush();
                    if (first + 50 >= to) {
                        done.complete(null);
                    }
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            done.join();
        } finally {
            pace.shutdownNow();
        }
    }

    private KafkaProducer<String, JsonNode> registryProducer(Running platform) {
        return new KafkaProducer<>(producerProperties(platform), new StringSerializer(), registrySerializer(platform));
    }

    private static JsonSchemaKafkaSerializer<JsonNode> registrySerializer(Running platform) {
        JsonSchemaKafkaSerializer<JsonNode> serializer = new JsonSchemaKafkaSerializer<>();
        serializer.configure(new HashMap<>(platform.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
        return serializer;
    }

    private void publish(Running platform, String prefix, int from, int to) throws Exception {
        try (KafkaProducer<String, JsonNode> producer = registryProducer(platform)) {
            for (int n = from; n < to; n++) {
                producer.send(new ProducerRecord<>(Topics.ORDERS, prefix + n, order(prefix, n)));
            }
            producer.flush();
        }
    }

    private static JsonNode order(String prefix, int n) {
        return ExampleRecords.order(prefix + n, CUSTOMERS[n % CUSTOMERS.length]);
    }

    private static Properties producerProperties(Running platform) {
        return producerProperties(platform, "shop");
    }

    private static Properties producerProperties(Running platform, String principal) {
        Properties extra = new Properties();
        extra.put("acks", "all");
        extra.put("linger.ms", "5");
        return platform.client(Cluster.MAIN, principal, extra);
    }

    /** One line of a committed file. */
    private record Line(String folder, String file, JsonNode order) {
        String id() {
            return order.path("orderId").asText();
        }
    }

    private Map<String, List<Line>> linesById(String prefix) throws IOException {
        List<Line> lines = new ArrayList<>();
        Path orders = new Path("/data/orders");
        if (!hdfs.exists(orders)) {
            return Map.of();
        }
        for (String file : visibleFiles()) {
            Path path = new Path(orders, file);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(hdfs.open(path), StandardCharsets.UTF_8))) {
                String text;
                while ((text = reader.readLine()) != null) {
                    JsonNode order = JSON.readTree(text);
                    if (order.path("orderId").asText().startsWith(prefix)) {
                        lines.add(new Line(path.getParent().getName(), path.getName(), order));
                    }
                }
            }
        }
        return lines.stream().collect(Collectors.groupingBy(Line::id, Collectors.mapping(Function.identity(),
                Collectors.toList())));
    }

    /** Files a reader such as Spark sees under /data/orders: none in a folder or with a name starting '_' or '.'. */
    private List<String> visibleFiles() throws IOException {
        List<String> files = new ArrayList<>();
        Path orders = new Path("/data/orders");
        String root = hdfs.makeQualified(orders).toUri().getPath();
        RemoteIterator<LocatedFileStatus> all = hdfs.listFiles(orders, true);
        while (all.hasNext()) {
            String relative = all.next().getPath().toUri().getPath().substring(root.length() + 1);
            if (!relative.startsWith("_") && !relative.contains("/_") && !relative.startsWith(".")
                    && !relative.contains("/.")) {
                files.add(relative);
            }
        }
        return files;
    }
}
