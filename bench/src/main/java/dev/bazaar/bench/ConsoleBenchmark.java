package dev.bazaar.bench;

import dev.bazaar.common.PlatformTls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The console's speed where other UIs are slow (issue: the topic list with 1,000 topics, and the first
 * page of messages of a topic of 1,000,000 records of 1 KB in 6 partitions, each under 1 s, server
 * time to the complete response, as admin). Beside each page, interleaved, the same Kafka calls made
 * directly by this process (describe every topic; the newest records of each partition by seek), so
 * the ratio shows what the console adds to what Kafka costs.
 */
public final class ConsoleBenchmark {

    private static final int TOPICS = 1_000;
    private static final int RECORDS = 1_000_000;
    private static final int PAGE = 50;
    /** The console's largest topic page: the whole list at once, for comparison with the paged one. */
    private static final int MAX_PAGE = 1_000;
    private static final String BIG = "bench-console-big";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final BenchPlatform bench;
    private final int rounds;
    private final HttpClient http;
    private final String console;

    private ConsoleBenchmark(BenchPlatform bench, int rounds) {
        this.bench = bench;
        this.rounds = rounds;
        this.http = HttpClient.newBuilder().sslContext(PlatformTls.httpClient(bench.platform().layout()).sslContext())
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.console = bench.platform().endpoints().serviceUrl("console").orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BenchPlatform.run(List.of("console"), bench -> new ConsoleBenchmark(bench, rounds).run());
    }

    private void run() throws Exception {
        seed();
        signIn();
        List<Double> listPage = new ArrayList<>();
        List<Double> lastPage = new ArrayList<>();
        List<Double> wholeList = new ArrayList<>();
        List<Double> listKafka = new ArrayList<>();
        List<Double> firstPage = new ArrayList<>();
        List<Double> firstKafka = new ArrayList<>();
        timed(() -> page("/topics"));
        timed(() -> page("/topics/" + BIG));
        for (int round = 1; round <= rounds; round++) {
            listPage.add(timed(() -> assertContains(page("/topics"), "next</a>")));
            lastPage.add(timed(() -> assertContains(page("/topics?q=bench-console-&page=10"), ">bench-console-0999</a>")));
            wholeList.add(timed(() -> assertContains(page("/topics?q=bench-console-&size=" + MAX_PAGE),
                    ">bench-console-0999</a>")));
            listKafka.add(timed(this::describeAllTopics));
            firstPage.add(timed(() -> assertContains(page("/topics/" + BIG), "id=\"messages\"")));
            firstKafka.add(timed(this::newestOfEachPartition));
            System.out.printf(Locale.ROOT, "round %d: /topics %.0f ms, its page 10 %.0f ms, all on one page %.0f ms "
                    + "(Kafka alone %.0f ms); /topics/%s %.0f ms (Kafka alone %.0f ms)%n", round, listPage.getLast(),
                    lastPage.getLast(), wholeList.getLast(), listKafka.getLast(), BIG, firstPage.getLast(),
                    firstKafka.getLast());
        }
        System.out.printf(Locale.ROOT, "topic list, %,d topics (first page of 100): %s ms (goal < 1000 ms: %s); "
                + "its page 10 %s ms; all %,d on one page (size=%d) %s ms; Kafka alone (describe all) %s ms%n",
                TOPICS, Spread.of(listPage).format("%.0f"), Spread.of(listPage).median() < 1000 ? "met" : "NOT met",
                Spread.of(lastPage).format("%.0f"), TOPICS, MAX_PAGE, Spread.of(wholeList).format("%.0f"),
                Spread.of(listKafka).format("%.0f"));
        System.out.printf(Locale.ROOT, "first page of %,d × 1 KB in 6 partitions: %s ms (goal < 1000 ms: %s); "
                + "Kafka alone %s ms%n", RECORDS, Spread.of(firstPage).format("%.0f"),
                Spread.of(firstPage).median() < 1000 ? "met" : "NOT met", Spread.of(firstKafka).format("%.0f"));
    }

    private void seed() throws Exception {
        long began = System.nanoTime();
        try (Admin admin = Admin.create(bench.admin())) {
            List<NewTopic> topics = IntStream.range(0, TOPICS).mapToObj(i -> new NewTopic(String.format(Locale.ROOT,
                    "bench-console-%04d", i), 1, (short) 3)).toList();
            for (int from = 0; from < topics.size(); from += 100) {
                admin.createTopics(topics.subList(from, Math.min(topics.size(), from + 100))).all()
                        .get(2, TimeUnit.MINUTES);
            }
        }
        bench.createTopic(BIG);
        var props = bench.admin();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        byte[] value = new byte[1024];
        java.util.Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(BIG, ("k" + i).getBytes(StandardCharsets.UTF_8), value));
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "seeded %,d topics and %,d records of 1 KB in %.0f s%n", TOPICS, RECORDS,
                (System.nanoTime() - began) / 1e9);
    }

    private void signIn() throws Exception {
        String form = page("/login");
        Matcher token = FORM_TOKEN.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("no sign-in form at " + console + "/login");
        }
        String body = Map.of("username", "admin", "password", bench.platform().layout().secrets().password("admin"),
                "_csrf", token.group(1), "next", "/").entrySet().stream().map(e -> e.getKey() + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(console + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 303) {
            throw new IllegalStateException("admin could not sign in to the console: " + answer.statusCode());
        }
    }

    private String page(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(console + path))
                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** What the topic list costs in Kafka: every topic's description and sizes' worth of metadata. */
    private Object describeAllTopics() throws Exception {
        try (Admin admin = Admin.create(bench.admin())) {
            Set<String> names = admin.listTopics().names().get(1, TimeUnit.MINUTES);
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(1, TimeUnit.MINUTES);
            return topics.size();
        }
    }

    /** What the first page costs in Kafka: the ends of the 6 partitions, a seek and a fetch of the newest records. */
    private Object newestOfEachPartition() throws Exception {
        var props = bench.admin();
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(PAGE * 6));
        try (Admin admin = Admin.create(bench.admin());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, 6).mapToObj(p -> new TopicPartition(BIG, p)).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p,
                    p -> OffsetSpec.latest()))).all().get(1, TimeUnit.MINUTES).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, Math.max(0, ends.get(p) - PAGE)));
            int read = 0;
            while (read < PAGE * 6) {
                read += consumer.poll(Duration.ofSeconds(5)).count();
            }
            return read;
        }
    }

    private static String assertContains(String page, String text) {
        if (!page.contains(text)) {
            throw new IllegalStateException("the page lacks " + text);
        }
        return page;
    }

    private interface Call {
        Object call() throws Exception;
    }

    private static double timed(Call call) throws Exception {
        long began = System.nanoTime();
        call.call();
        return (System.nanoTime() - began) / 1e6;
    }
}
