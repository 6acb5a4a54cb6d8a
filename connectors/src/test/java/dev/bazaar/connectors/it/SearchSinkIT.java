package dev.bazaar.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.Topics;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.setup.ConnectorApplier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged Elasticsearch sink on the platform's own Connect worker, a real Elasticsearch node
 * and the secure cluster, all started as {@code ./bazaar up} starts them, with the connector
 * configured from {@code setup/connectors/search-sink.json}.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchSinkIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String CONNECTOR = "search-sink";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * This run's prefix of product ids (document ids): the build's one platform keeps the records of
     * filtered-items, the index and the stop-list of every earlier module and run (stream-filter's
     * tests alone leave thousands of items), so the tests count and look up only their own documents.
     */
    private static final String RUN = "ss-" + Long.toString(System.currentTimeMillis(), 36) + "-";

    @Test
    @Order(1)
    void itemsOnFilteredItemsBecomeDocumentsKeyedByProductId(Running platform) throws Exception {
        SearchIndex index = index(platform);
        String doc = RUN + "doc-";

        // when three items are published to filtered-items
        try (KafkaProducer<String, JsonNode> producer = Producers.registry(platform, "admin")) {
            for (int n = 1; n <= 3; n++) {
                producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, doc + n, Producers.item(doc + n, 100 * n)));
            }
            producer.flush();
        }

        // then each is a document with the record key as its id and the record as its source
        await().atMost(DEADLINE).until(() -> index.countWithPrefix(doc) == 3);
        assertThat(index.get(doc + 2)).as("document 2").hasValue(Producers.item(doc + 2, 200));
    }

    @Test
    @Order(1)
    void workerExportsConnectorAndTaskMetricsForPrometheus(Running platform) throws Exception {
        // when Prometheus scrapes the worker's exporter agent
        String url = platform.platform().connect().metricsUrl().orElseThrow();
        HttpClient http = PlatformTls.httpClient(platform.layout());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", HttpUser.METRICS.basic(platform.layout())).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());

        // then the connector's and its tasks' states and the sink task counters are there, for Prometheus only
        assertThat(anonymous.statusCode()).as("status without credentials").isEqualTo(401);
        assertThat(metrics.statusCode()).as("status").isEqualTo(200);
        assertThat(metrics.body()).as("metrics")
                .contains("kafka_connect_connector_status{connector=\"search-sink\",state=\"running\"} 1.0")
                .contains("kafka_connect_task_status{connector=\"search-sink\",state=\"running\",task=\"0\"} 1.0")
                .contains("kafka_connect_sink_task_metrics_sink_record_read_total{connector=\"search-sink\"");
    }

    @Test
    @Order(2)
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsIndexed(Running platform) throws Exception {
        SearchIndex index = index(platform);
        String bad = RUN + "dlq-bad";
        String good = RUN + "dlq-good";

        // when a record that is not in the registry wire format is followed by a good one
        try (KafkaProducer<String, byte[]> raw = Producers.raw(platform);
             KafkaProducer<String, JsonNode> producer = Producers.registry(platform, "admin")) {
            raw.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, 0, bad, "{\"not\":\"framed\"}"
                    .getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, 0, good, Producers.item(good, 1)))
                    .get(30, TimeUnit.SECONDS);
        }

        // then the good one is indexed, the bad one is on the dead-letter topic with the reason, and the task runs
        await().atMost(DEADLINE).until(() -> index.get(good).isPresent());
        assertThat(index.get(bad)).as("malformed record indexed").isEmpty();
        ConsumerRecord<String, byte[]> dead = deadLetter(platform, bad);
        Header reason = dead.headers().lastHeader("__connect.errors.exception.message");
        assertThat(reason).as("error header").isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).as("reason").contains("wire format");
        assertThat(ConnectorApplier.running(platform.platform().connectors().status(CONNECTOR))).as("running").isTrue();
    }

    @Test
    @Order(2)
    void recordsOfAnAbortedTransactionNeverReachTheIndexCommittedOnesDo(Running platform) throws Exception {
        SearchIndex index = index(platform);
        String aborted = RUN + "txn-aborted";
        String committed = RUN + "txn-committed";

        // given an aborted transaction on filtered-items, then a committed one behind it on the same partition
        try (KafkaProducer<String, JsonNode> producer = Producers.transactional(platform, "stream-filter-it-aborted")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, 1, aborted, Producers.item(aborted, 1)));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, 1, committed, Producers.item(committed, 2)));
            producer.commitTransaction();
        }

        // when the sink has indexed the committed record, which it reads after the aborted one
        await().atMost(DEADLINE).until(() -> index.get(committed).isPresent());

        // then the aborted record was never indexed (the worker's consumers read committed records only)
        assertThat(index.get(aborted)).as("record of the aborted transaction").isEmpty();
    }

    @Test
    @Order(3)
    void blockedProductLeavesTheIndexWithinTwoSeconds(Running platform) throws Exception {
        SearchIndex index = index(platform);
        String product = RUN + "e2e-blocked";

        // given an item that went through shop's topic, stream-filter and the connector into the index
        try (KafkaProducer<String, JsonNode> shop = Producers.registry(platform, "shop")) {
            shop.send(new ProducerRecord<>(Topics.ITEMS, product, Producers.item(product, 10))).get(30, TimeUnit.SECONDS);
        }
        await().atMost(DEADLINE).until(() -> index.get(product).isPresent());

        // when ops blocks the product
        long blockedAt;
        try (KafkaProducer<String, JsonNode> ops = Producers.registry(platform, "ops")) {
            ops.send(new ProducerRecord<>(Topics.BLOCKED_PRODUCTS, product, Producers.block(product)))
                    .get(30, TimeUnit.SECONDS);
            blockedAt = System.nanoTime();
        }

        // then its document is gone within 2 s of the acknowledged block
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> index.get(product).isEmpty());
        Duration gone = Duration.ofNanos(System.nanoTime() - blockedAt);
        System.out.printf("search-sink: blocked product gone from the index %d ms after the block%n", gone.toMillis());
        assertThat(gone).as("block to delete").isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    @Order(4)
    void elasticsearchDownForAWhileLosesNothing(Running platform) throws Exception {
        SearchIndex index = index(platform);

        // given Elasticsearch taken down with 'bazaar stop' (a supervisor would leave it down)
        platform.platform().stop("elasticsearch");
        assertThat(platform.process("elasticsearch").running()).as("Elasticsearch after stop").isEmpty();

        // when 200 items are published while it is down, and the connector keeps running for 10 s
        Map<String, JsonNode> latest;
        long restartedAt;
        try {
            latest = publish(platform, RUN + "down-", 200, 1);
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(() ->
                    !platform.platform().connectors().status(CONNECTOR).toString().contains("FAILED"));
        } finally {
            // started again whatever happened: later modules' tests use the same Elasticsearch
            restartedAt = System.nanoTime();
            platform.platform().start("elasticsearch", System.out);
        }

        // then it catches up: every item is a document equal to its record
        await().atMost(DEADLINE).until(() -> index.countWithPrefix(RUN + "down-") == latest.size());
        System.out.printf("search-sink: caught up %d items %.1f s after Elasticsearch was started again%n",
                latest.size(), (System.nanoTime() - restartedAt) / 1e9);
        assertEqual(index, latest);
    }

    @Test
    @Order(5)
    void connectWorkerKilledMidStreamLeavesOneDocumentPerKeyEqualToItsLatestRecord(Running platform) throws Exception {
        SearchIndex index = index(platform);
        String prefix = RUN + "kill-";
        int keys = 300;
        int versions = 20;

        // when 6,000 records (20 versions of 300 products) flow and the worker is killed -9 and started again by up
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Map<String, JsonNode>> publishing = CompletableFuture.supplyAsync(() -> {
            try {
                return publish(platform, prefix, keys, versions, sent);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(DEADLINE).until(() -> sent.get() >= 1000 && index.countWithPrefix(prefix) > 0);
        ProcessHandle worker = platform.process("connect").running().orElseThrow();
        Running.kill(worker);
        long killedAt = System.nanoTime();
        EmbeddedPlatform.Running.up(platform.platform());
        Map<String, JsonNode> latest = publishing.get(2, TimeUnit.MINUTES);

        // then there is one document per key, each equal to the key's latest record
        await().atMost(Duration.ofMinutes(3)).until(() -> index.countWithPrefix(prefix) == keys
                && index.get(prefix + (keys - 1)).equals(Optional.of(latest.get(prefix + (keys - 1)))));
        System.out.printf("search-sink: %d keys current %.1f s after the worker was killed%n", keys,
                (System.nanoTime() - killedAt) / 1e9);
        await().atMost(DEADLINE).untilAsserted(() -> assertEqual(index, latest));
    }

    private static Map<String, JsonNode> publish(Running platform, String prefix, int keys, int versions)
            throws Exception {
        return publish(platform, prefix, keys, versions, new AtomicInteger());
    }

    /** Publishes {@code versions} rounds over {@code keys} products; returns each key's last record. */
    private static Map<String, JsonNode> publish(Running platform, String prefix, int keys, int versions,
            AtomicInteger sent) throws Exception {
        Map<String, JsonNode> latest = new HashMap<>();
        try (KafkaProducer<String, JsonNode> producer = Producers.registry(platform, "admin")) {
            for (int version = 1; version <= versions; version++) {
                for (int key = 0; key < keys; key++) {
                    JsonNode item = Producers.item(prefix + key, 1000 * version + key);
                    producer.send(new ProducerRecord<>(Topics.FILTERED_ITEMS, prefix + key, item));
                    latest.put(prefix + key, item);
                    sent.incrementAndGet();
                }
                producer.flush();
            }
        }
        return latest;
    }

    private static void assertEqual(SearchIndex index, Map<String, JsonNode> latest) throws Exception {
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, JsonNode> record : latest.entrySet()) {
            Optional<JsonNode> document = index.get(record.getKey());
            if (document.isEmpty() || !document.get().equals(record.getValue())) {
                different.add(record.getKey());
            }
        }
        assertThat(different).as("documents missing or not equal to their latest record").isEmpty();
    }

    private static ConsumerRecord<String, byte[]> deadLetter(Running platform, String key) {
        Properties extra = new Properties();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(platform.client(Cluster.MAIN, "admin", extra),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("dlq-search-sink").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }

    private static SearchIndex index(Running platform) {
        return new SearchIndex(platform.platform().endpoints().serviceUrl("elasticsearch").orElseThrow());
    }
}
