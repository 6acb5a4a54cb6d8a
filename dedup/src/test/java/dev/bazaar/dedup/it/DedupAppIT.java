package dev.bazaar.dedup.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.dedup.app.DedupConfig;
import dev.bazaar.dedup.app.DedupService;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.IssuedTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic de-duplicating app against the real main cluster, in this JVM as {@code admin}, on topics
 * of this run: records with copies sent by concurrent producers while a second instance joins come out
 * exactly once, read with {@code read_committed}.
 */
@ExtendWith(EmbeddedPlatform.class)
class DedupAppIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String RUN = "dedup-it-" + Long.toString(System.currentTimeMillis(), 36);
    private static final long T0 = 1_796_083_200_000L;

    @TempDir
    Path dir;

    @Test
    void nRecordsWithKCopiesFromConcurrentProducersGiveExactlyNFirstCopiesWhileASecondInstanceTakesHalfThePartitions(
            Running platform) throws Exception {
        // given a topic keyed by 16-byte keys, as product-events-raw is, and the app running on it
        Kafka kafka = new Kafka(platform);
        String raw = RUN + "-raw";
        String unique = RUN + "-unique";
        String copies = RUN + "-copies";
        kafka.create(Map.of(raw, 6, unique, 6, copies, 3));
        int n = 2000;
        int k = 600;
        List<ProducerRecord<byte[], byte[]>> records = withCopies(raw, n, k);
        DedupConfig config = config(Map.of("from", raw, "to", unique, "duplicates", copies,
                "application.id", RUN + "-by-record-key"));
        RuntimeLayout http = IssuedTls.issue(dir.resolve("http"), "dedup");
        long started = System.nanoTime();
        try (DedupService first = start(platform, config, "1", Optional.of(new DedupService.HttpEdge(http, 0)))) {
            assertThat(first.awaitRunning(DEADLINE)).as("first instance running").isTrue();

            // when four producers send the first half concurrently, a second instance joins, and they send the rest
            sendConcurrently(kafka, records.subList(0, records.size() / 2), 4);
            try (DedupService second = start(platform, config, "2", Optional.empty())) {
                await().atMost(DEADLINE).pollInterval(POLL).untilAsserted(() -> assertThat(partitionsPerMember(kafka,
                        config.applicationId(), raw)).as("partitions of %s per instance", raw)
                        .hasSize(2).allSatisfy(count -> assertThat(count).isPositive()));
                sendConcurrently(kafka, records.subList(records.size() / 2, records.size()), 4);

                // then the committed output holds each key exactly once, the copies topic the k others
                await().atMost(DEADLINE).pollInterval(POLL).until(() -> kafka.committed(unique).size() >= n
                        && kafka.committed(copies).size() >= k);
                System.out.printf("dedup app: %d records (%d copies) from 4 producers, 2 instances: all committed "
                        + "%.1f s after the first instance started%n", n + k, k, (System.nanoTime() - started) / 1e9);
                List<ConsumerRecord<byte[], byte[]>> firsts = kafka.committed(unique);
                assertThat(firsts).as("first copies").hasSize(n);
                assertThat(firsts.stream().map(r -> DedupKey.hex(r.key())).distinct().count()).as("distinct keys").isEqualTo(n);
                assertThat(kafka.committed(copies)).as("later copies").hasSize(k);
                assertUnchanged(firsts, records);
                assertThat(first.metrics().decisions().uniqueCount() + second.metrics().decisions().uniqueCount())
                        .as("first copies counted (at least once each)").isGreaterThanOrEqualTo(n);

                // and the first instance says so over HTTPS
                assertThat(get(http, first, "/health", null).body()).as("health").isEqualTo("{\"status\":\"UP\"}");
                String metrics = get(http, first, "/prometheus", HttpUser.METRICS).body();
                assertThat(metrics).as("metrics").contains("dedup_unique_total ", "dedup_duplicates_total ",
                        "dedup_unkeyable_total 0", "dedup_lag_records ");
                assertThat(gauge(metrics, "dedup_store_keys")).as("keys in the first instance's stores").isPositive();
            }
        }
    }

    @Test
    void keyFieldsOfPlainAndRegistryJsonFindCopiesOnAnyPartitionAndUnkeyableRecordsGoToTheDeadLetterTopic(
            Running platform) throws Exception {
        // given an arbitrary topic of JSON events, some in the registry wire format, keyed by nothing useful
        Kafka kafka = new Kafka(platform);
        String events = RUN + "-events";
        String unique = RUN + "-events-unique";
        String copies = RUN + "-events-copies";
        String dead = RUN + "-events-dead";
        kafka.create(Map.of(events, 3, unique, 3, copies, 1, dead, 1));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Random random = new Random(7);
        IntStream.range(0, 300).forEach(i -> records.add(event(events, i, "first", random)));
        IntStream.range(0, 100).forEach(i -> records.add(event(events, i * 3, "copy", random)));
        records.add(new ProducerRecord<>(events, null, utf8("{\"userId\":\"u-x\"}")));
        records.add(new ProducerRecord<>(events, null, utf8("not json")));
        DedupConfig config = config(Map.of("from", events, "to", unique, "duplicates", copies, "dead.letter", dead,
                "key.fields", "userId,sid", "application.id", RUN + "-by-fields"));

        // when they are sent and the app runs
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            records.forEach(producer::send);
        }
        try (DedupService app = start(platform, config, "3", Optional.empty())) {
            // then 300 first copies, 100 copies, 2 dead letters, each committed
            await().atMost(DEADLINE).pollInterval(POLL).until(() -> kafka.committed(unique).size() >= 300
                    && kafka.committed(copies).size() >= 100 && kafka.committed(dead).size() >= 2);
            List<ConsumerRecord<byte[], byte[]>> firsts = kafka.committed(unique);
            // (which copy of a user's event is first depends on which partition's task reaches the repartition topic first)
            assertThat(firsts).as("first copies").hasSize(300);
            assertThat(firsts.stream().map(r -> userId(r.value())).distinct().count()).as("distinct users").isEqualTo(300);
            assertThat(kafka.committed(copies)).as("copies").hasSize(100);
            assertThat(kafka.committed(dead)).as("dead letters").hasSize(2).allSatisfy(r ->
                    assertThat(r.headers().lastHeader("dedup.error")).as("reason header").isNotNull());
            assertThat(app.metrics().unkeyableCount()).as("unkeyable counted").isGreaterThanOrEqualTo(2);
        }
    }

    /** {@code n} records of distinct 16-byte keys and {@code k} copies of some of them, shuffled. */
    private static List<ProducerRecord<byte[], byte[]>> withCopies(String topic, int n, int k) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> records.add(record(topic, i, "first")));
        IntStream.range(0, k).forEach(j -> records.add(record(topic, (j * 7) % n, "copy-" + j)));
        Collections.shuffle(records, new Random(42));
        return records;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int i, String copy) {
        Headers headers = new RecordHeaders().add("event-kind", utf8("view-event"));
        return new ProducerRecord<>(topic, null, T0 + i, DedupKey.ofRecordKey(utf8(RUN + "-" + i)),
                utf8("{\"n\":" + i + ",\"copy\":\"" + copy + "\"}"), headers);
    }

    /** An event whose key fields are userId and sid; half in the registry wire format, record keys random. */
    private static ProducerRecord<byte[], byte[]> event(String topic, int i, String kind, Random random) {
        String json = "{\"userId\":\"u-" + i + "\",\"sid\":\"s\",\"kind\":\"" + kind + "\",\"r\":" + random.nextInt() + "}";
        byte[] value = random.nextBoolean() ? utf8(json)
                : ByteBuffer.allocate(5 + json.length()).put((byte) 0).putInt(1 + random.nextInt(9)).put(utf8(json)).array();
        return new ProducerRecord<>(topic, null, T0 + i, utf8(Integer.toString(random.nextInt())), value);
    }

    private static void sendConcurrently(Kafka kafka, List<ProducerRecord<byte[], byte[]>> records, int producers)
            throws Exception {
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int first = p;
            sending.add(CompletableFuture.runAsync(() -> {
                try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
                    for (int i = first; i < records.size(); i += producers) {
                        producer.send(records.get(i));
                    }
                }
            }));
        }
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Each first copy is one of the records sent, with its key, value, headers and timestamp. */
    private static void assertUnchanged(List<ConsumerRecord<byte[], byte[]>> firsts,
            List<ProducerRecord<byte[], byte[]>> sent) {
        Map<String, ProducerRecord<byte[], byte[]>> byValue = sent.stream().collect(Collectors.toMap(
                r -> new String(r.value(), StandardCharsets.UTF_8), Function.identity(), (a, b) -> a, HashMap::new));
        assertThat(firsts).as("first copies as sent").allSatisfy(out -> {
            ProducerRecord<byte[], byte[]> in = byValue.get(new String(out.value(), StandardCharsets.UTF_8));
            assertThat(in).as("sent").isNotNull();
            assertThat(out.key()).as("key").isEqualTo(in.key());
            assertThat(out.timestamp()).as("timestamp").isEqualTo(in.timestamp());
            assertThat(out.headers().lastHeader("event-kind").value()).as("header").isEqualTo(utf8("view-event"));
        });
    }

    private DedupService start(Running platform, DedupConfig config, String instance,
            Optional<DedupService.HttpEdge> http) {
        return DedupService.start(config, platform.platform().adminConnection(Cluster.MAIN), dir.resolve("state-" + instance),
                http);
    }

    private static DedupConfig config(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("principal", "admin");
        return new DedupConfig(all);
    }

    private static List<Integer> partitionsPerMember(Kafka kafka, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.admin())) {
            return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members().stream()
                    .map(MemberDescription::assignment)
                    .map(assignment -> (int) assignment.topicPartitions().stream().filter(tp -> tp.topic().equals(topic)).count())
                    .toList();
        }
    }

    private static HttpResponse<String> get(RuntimeLayout layout, DedupService service, String path, HttpUser user)
            throws Exception {
        HttpClient client = PlatformTls.httpClient(layout);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                + service.httpPort().orElseThrow() + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", user.basic(layout));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(line ->
                Double.parseDouble(line.substring(name.length() + 1))).findFirst().orElse(-1);
    }

    private static String userId(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        int start = text.indexOf("\"userId\":\"") + "\"userId\":\"".length();
        return text.substring(start, text.indexOf('"', start));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
