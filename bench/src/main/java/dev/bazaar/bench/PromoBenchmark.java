package dev.bazaar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.platform.Platform;
import dev.bazaar.setup.ConnectRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * promo's fan-out against the plain loop it is held to: 10,000 subscribers over 100 stores (rows of
 * {@code subscribers_restaurants}, brought to promo by CDC), then 1,000 campaigns, all active, published
 * at once — through promo (campaigns → repartition by store → the join → {@code promo-notifications},
 * exactly once) and through a consume→produce EOS loop that fans each campaign out from an in-memory map
 * of the same subscribers, building the same notification, interleaved (loop, promo, promo...). The
 * goal (promo at least 70 % of the loop's rate) compares like with like: promo's fan-out with the
 * feedback sink paused, since the loop has no PostgreSQL inserting beside it on the 2 cores and the
 * sink's work is reported apart; promo is then measured again with the sink writing meanwhile, as the
 * platform runs, and that ratio is printed too. Prints per run and as median and range: notifications
 * per second from the first campaign sent to the last notification committed, the ratios, the time from
 * a campaign's publication to its last notification (p50, p99), the CPU each process took, and the
 * feedback sink: rows per second into PostgreSQL once resumed, and its lag behind promo's last
 * notification when writing meanwhile.
 */
public final class PromoBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STORES = 100;
    private static final int PER_STORE = 100;
    private static final int CAMPAIGNS = 1_000;
    private static final double GOAL_RATIO = 0.7;
    private static final String LOOP_IN = "bench-promo-campaigns";
    private static final String LOOP_OUT = "bench-promo-notifications";
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final BenchPlatform bench;
    private final Platform platform;
    private final int runs;
    private final Map<String, List<String>> subscribers = new HashMap<>();
    private final ProcessCpu cpu;

    private PromoBenchmark(BenchPlatform bench, int runs) {
        this.bench = bench;
        this.platform = bench.platform();
        this.runs = runs;
        this.cpu = new ProcessCpu(platform);
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchPlatform.run(List.of("promo", "promo-subscribers-cdc", "promo-feedback-sink"),
                bench -> new PromoBenchmark(bench, runs).run());
    }

    private void run() throws Exception {
        ServiceMetrics promo = ServiceMetrics.of(platform.layout(), platform.endpoints().serviceUrl("promo")
                .orElseThrow());
        seed(promo);
        bench.createTopic(LOOP_IN);
        bench.createTopic(LOOP_OUT);
        int campaignSchema = schemaId(Topics.PROMO_CAMPAIGNS + "-value");
        int notificationSchema = schemaId(Topics.PROMO_NOTIFICATIONS + "-value");
        EosCopyLoop loop = new EosCopyLoop(bench.admin(), "bench-promo-loop", LOOP_IN,
                record -> fanOut(record, notificationSchema));
        Thread loopThread = Thread.ofPlatform().name("eos-fan-out-loop").start(loop);
        List<Run> loopRuns = new ArrayList<>();
        List<Run> promoRuns = new ArrayList<>();
        List<Run> sharedRuns = new ArrayList<>();
        List<Double> catchUps = new ArrayList<>();
        List<Double> lags = new ArrayList<>();
        FeedbackSink feedbackSink = new FeedbackSink(platform.connect().rest());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(bench.admin(), new StringSerializer(),
                new ByteArraySerializer())) {
            measure("warm-up loop", producer, LOOP_IN, LOOP_OUT, 0);
            measure("warm-up promo", producer, Topics.PROMO_CAMPAIGNS, Topics.PROMO_NOTIFICATIONS, campaignSchema);
            for (int run = 1; run <= runs; run++) {
                Run loopRun = measure("loop " + run, producer, LOOP_IN, LOOP_OUT, 0).print();
                loopRuns.add(loopRun);
                feedbackSink.pause();
                Run alone = measure("promo " + run + " (feedback sink paused)", producer, Topics.PROMO_CAMPAIGNS,
                        Topics.PROMO_NOTIFICATIONS, campaignSchema).print();
                long resumed = System.nanoTime();
                feedbackSink.resume();
                double catchUp = feedbackSink.allRowsAfter(alone, resumed) / 1e3;
                promoRuns.add(alone);
                Run shared = measure("promo " + run + " (feedback sink writing meanwhile)", producer,
                        Topics.PROMO_CAMPAIGNS, Topics.PROMO_NOTIFICATIONS, campaignSchema).print();
                sharedRuns.add(shared);
                double lag = feedbackSink.allRowsAfter(shared, shared.endedNanos()) / 1e3;
                catchUps.add(alone.notifications() / catchUp);
                lags.add(lag);
                System.out.printf(Locale.ROOT, "  ratio promo/loop %.0f %% with the feedback sink paused, "
                        + "%.0f %% with it writing meanwhile; feedback sink: %,d rows %.1f s after its resume = %,.0f "
                        + "rows/s; writing meanwhile, every row %.1f s after promo's last notification%n",
                        100 * alone.rate() / loopRun.rate(), 100 * shared.rate() / loopRun.rate(), alone.notifications(),
                        catchUp, alone.notifications() / catchUp, lag);
            }
        } finally {
            loop.stop();
            loopThread.join(Duration.ofSeconds(30));
        }
        summary(loopRuns, promoRuns, sharedRuns, catchUps, lags);
    }

    /** 10,000 subscriptions written as role shop; waits until promo has read every change. */
    private void seed(ServiceMetrics promo) throws Exception {
        double before = promo.scrape().sum("promo_subscription_changes_total");
        PostgresLogin shop = PostgresLogin.resolve(Map.of(), platform.layout(), "shop");
        long began = System.nanoTime();
        try (Connection connection = shop.connect("bazaar bench promo");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO subscribers_restaurants (client_id, restaurant_id) VALUES (?, ?)")) {
            for (int s = 0; s < STORES; s++) {
                String store = "bench-store-" + s;
                List<String> clients = new ArrayList<>();
                for (int c = 0; c < PER_STORE; c++) {
                    String client = "bench-client-" + s + "-" + c;
                    clients.add(client);
                    insert.setString(1, client);
                    insert.setString(2, store);
                    insert.addBatch();
                }
                subscribers.put(store, clients);
            }
            insert.executeBatch();
        }
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (promo.scrape().sum("promo_subscription_changes_total") < before + STORES * PER_STORE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("promo did not read the 10,000 subscriptions through CDC in " + DEADLINE);
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "%n%,d subscribers over %d stores written and read by promo through CDC in "
                + "%.1f s%n", STORES * PER_STORE, STORES, (System.nanoTime() - began) / 1e9);
    }

    /** Publishes 1,000 active campaigns to {@code input} and reads their notifications on {@code output}. */
    private Run measure(String name, KafkaProducer<String, byte[]> producer, String input, String output,
            int schemaId) throws Exception {
        String prefix = name.replace(' ', '-') + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        long now = Instant.now().getEpochSecond();
        try (KafkaConsumer<String, byte[]> consumer = outputConsumer(output)) {
            long[] sentAt = new long[CAMPAIGNS];
            ProcessCpu.Snapshot before = cpu.snapshot();
            long first = System.nanoTime();
            for (int i = 0; i < CAMPAIGNS; i++) {
                String store = "bench-store-" + (i % STORES);
                byte[] json = JSON.writeValueAsBytes(campaign(prefix + i, store, now));
                sentAt[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(input, store, schemaId == 0 ? json : framed(schemaId, json)));
            }
            producer.flush();
            long[] lastAt = new long[CAMPAIGNS];
            int expected = CAMPAIGNS * PER_STORE;
            int seen = 0;
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (seen < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": " + seen + " of " + expected + " notifications in " + DEADLINE);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    String campaign = unframed(record.value()).path("adv_campaign_id").asText();
                    if (campaign.startsWith(prefix)) {
                        lastAt[Integer.parseInt(campaign.substring(prefix.length()))] = System.nanoTime();
                        seen++;
                    }
                }
            }
            long last = Arrays.stream(lastAt).max().orElseThrow();
            String busy = before.describeUntil(cpu.snapshot(), 8, expected);
            double[] latencies = new double[CAMPAIGNS];
            for (int i = 0; i < CAMPAIGNS; i++) {
                latencies[i] = (lastAt[i] - sentAt[i]) / 1e6;
            }
            Arrays.sort(latencies);
            return new Run(name, prefix, expected, (last - first) / 1e9, latencies[CAMPAIGNS / 2],
                    latencies[(int) Math.ceil(CAMPAIGNS * 0.99) - 1], System.nanoTime(), busy);
        }
    }

    /** One side's run: notifications, seconds from the first campaign sent to the last notification, latencies. */
    private record Run(String name, String prefix, int notifications, double seconds, double p50Millis,
            double p99Millis, long endedNanos, String busy) {

        double rate() {
            return notifications / seconds;
        }

        Run print() {
            System.out.printf(Locale.ROOT, "%n%s: %,d notifications in %.2f s = %,.0f/s; campaign to its last "
                    + "notification p50 %.0f ms, p99 %.0f ms%n  CPU: %s%n", name, notifications, seconds, rate(),
                    p50Millis, p99Millis, busy.replace("per request", "per notification"));
            return this;
        }
    }

    /**
     * The feedback sink ({@code promo-notifications} → {@code subscribers_feedback}): paused while promo is
     * measured alone, so that on 2 cores its PostgreSQL inserts do not take the cores the loop had to itself,
     * and timed apart — its rows per second once resumed, and its lag when it writes meanwhile.
     */
    private final class FeedbackSink {

        private static final String CONNECTOR = "promo-feedback-sink";
        private final ConnectRest connect;

        FeedbackSink(ConnectRest connect) {
            this.connect = connect;
        }

        void pause() throws Exception {
            BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/pause");
            awaitTasks("PAUSED");
        }

        void resume() throws Exception {
            BenchHttp.send(connect, "PUT", "/connectors/" + CONNECTOR + "/resume");
            awaitTasks("RUNNING");
        }

        private void awaitTasks(String state) throws Exception {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (true) {
                JsonNode status = JSON.readTree(BenchHttp.send(connect, "GET", "/connectors/" + CONNECTOR + "/status"));
                boolean all = status.path("tasks").size() > 0;
                for (JsonNode task : status.path("tasks")) {
                    all &= state.equals(task.path("state").asText());
                }
                if (all) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(CONNECTOR + " is not " + state + " after " + DEADLINE + ": " + status);
                }
                Thread.sleep(100);
            }
        }

        /** Milliseconds from {@code sinceNanos} until {@code subscribers_feedback} held every row of {@code run}. */
        long allRowsAfter(Run run, long sinceNanos) throws Exception {
            PostgresLogin reader = PostgresLogin.resolve(Map.of(), platform.layout(), "reader");
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            try (Connection connection = reader.connect("bazaar bench promo");
                    PreparedStatement count = connection.prepareStatement(
                            "SELECT count(*) FROM subscribers_feedback WHERE adv_campaign_id LIKE ?")) {
                count.setString(1, run.prefix() + "%");
                while (rows(count) < run.notifications()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the feedback sink did not write " + run.notifications()
                                + " rows in " + DEADLINE);
                    }
                    Thread.sleep(50);
                }
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
        }
    }

    private static long rows(PreparedStatement count) throws SQLException {
        try (ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The loop's step: the campaign's notification for each subscriber of its store, as promo builds it. */
    private List<ProducerRecord<String, byte[]>> fanOut(ConsumerRecord<String, byte[]> record, int schemaId) {
        JsonNode campaign = unframed(record.value());
        long now = Instant.now().getEpochSecond();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (String client : subscribers.getOrDefault(campaign.path("restaurant_id").asText(), List.of())) {
            ObjectNode notification = ((ObjectNode) campaign).deepCopy();
            notification.put("client_id", client);
            notification.put("trigger_datetime_created", now);
            try {
                out.add(new ProducerRecord<>(LOOP_OUT, client, framed(schemaId, JSON.writeValueAsBytes(notification))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private KafkaConsumer<String, byte[]> outputConsumer(String topic) {
        Properties props = bench.admin();
        props.put("isolation.level", "read_committed");
        props.put("max.poll.records", "5000");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static ObjectNode campaign(String id, String store, long now) {
        return JSON.createObjectNode()
                .put("restaurant_id", store)
                .put("adv_campaign_id", id)
                .put("adv_campaign_content", "new item, 70 % off until 14:00")
                .put("adv_campaign_owner", "Ivanov Ivan Ivanovich")
                .put("adv_campaign_owner_contact", "iiivanov@restaurant.example")
                .put("adv_campaign_datetime_start", now - 60)
                .put("adv_campaign_datetime_end", now + 3600)
                .put("datetime_created", now - 120);
    }

    private int schemaId(String subject) {
        return new RegistrySubjects(RegistryConnection.embedded(platform.layout(), RegistryUser.READONLY))
                .latest(subject, "setup registers it").id();
    }

    private static byte[] framed(int schemaId, byte[] json) {
        return ByteBuffer.allocate(5 + json.length).put((byte) 0).putInt(schemaId).put(json).array();
    }

    private static JsonNode unframed(byte[] value) {
        try {
            return JSON.readTree(value[0] == 0 ? Arrays.copyOfRange(value, 5, value.length) : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(List<Run> loop, List<Run> promo, List<Run> shared, List<Double> catchUps,
            List<Double> lags) {
        System.out.printf(Locale.ROOT, "%nover %d runs each (median, range):%n", promo.size());
        Spread ratio = ratios(promo, loop);
        System.out.printf(Locale.ROOT, "  EOS fan-out loop                          %s notifications/s%n",
                rates(loop).format("%,.0f"));
        System.out.printf(Locale.ROOT, "  promo (the feedback sink paused)          %s notifications/s%n",
                rates(promo).format("%,.0f"));
        System.out.printf(Locale.ROOT, "  ratio promo/loop                          %s %%   goal >= %.0f %%: %s%n",
                ratio.format("%.0f"), 100 * GOAL_RATIO, ratio.median() >= 100 * GOAL_RATIO ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "  promo, the feedback sink writing too      %s notifications/s, %s %% of the loop "
                + "(PostgreSQL and Connect on the same 2 cores)%n", rates(shared).format("%,.0f"),
                ratios(shared, loop).format("%.0f"));
        System.out.printf(Locale.ROOT, "  campaign to last notification, promo: p50 %s ms, p99 %s ms; loop: p50 %s ms, "
                + "p99 %s ms%n", Spread.of(promo.stream().map(Run::p50Millis).toList()).format("%.0f"),
                Spread.of(promo.stream().map(Run::p99Millis).toList()).format("%.0f"),
                Spread.of(loop.stream().map(Run::p50Millis).toList()).format("%.0f"),
                Spread.of(loop.stream().map(Run::p99Millis).toList()).format("%.0f"));
        System.out.printf(Locale.ROOT, "  feedback sink: %s rows/s into PostgreSQL once resumed; writing meanwhile, "
                + "every row %s s after promo's last notification%n", Spread.of(catchUps).format("%,.0f"),
                Spread.of(lags).format("%.1f"));
    }

    private static Spread rates(List<Run> runs) {
        return Spread.of(runs.stream().map(Run::rate).toList());
    }

    private static Spread ratios(List<Run> runs, List<Run> loop) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ratios.add(100 * runs.get(i).rate() / loop.get(i).rate());
        }
        return Spread.of(ratios);
    }
}
