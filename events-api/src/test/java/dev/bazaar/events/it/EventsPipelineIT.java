package dev.bazaar.events.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.Topics;
import dev.bazaar.events.it.PipelineEvents.Event;
import dev.bazaar.events.it.PipelineEvents.Ledger;
import dev.bazaar.events.it.PipelineEvents.Post;
import dev.bazaar.events.it.PipelineOutput.Row;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.it.EmbeddedPlatform;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product-events pipeline end to end, every part as {@code ./bazaar up} runs it: events-api over
 * HTTPS with its client credential → product-events-raw → dedup (Kafka Streams, exactly once) →
 * product-events → the JDBC sink on the Connect worker → PostgreSQL's {@code product_events}. N events
 * with K exact copies become exactly N − K rows — sent one after another, by many clients at once,
 * across a restart of events-api, and while dedup or the Connect worker is killed -9 — and dedup,
 * not the table's primary key, is what removed the copies: product-events holds N − K records of them
 * and product-events-duplicates K. Each case's user fields carry a prefix of this run, so the build's
 * shared platform counts only them.
 */
@ExtendWith(EmbeddedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsPipelineIT {

    /** From the last event acknowledged to its row: dedup's commit, the sink's fetch and batch. */
    private static final Duration STORED = Duration.ofSeconds(60);
    /** A killed process back and caught up: its start, its group's rebalance (10 s sessions), the backlog. */
    private static final Duration RECOVERED = Duration.ofMinutes(2);
    private static final String RUN = "pipe" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private static final String EVENTS_API = "events-api";
    private static final String DEDUP = "dedup";
    private static final String CONNECT = "connect";
    private static final String SINK = "product-events-sink";

    private Running platform;
    private String authorization;
    private EventsHttp http;
    private PipelineOutput output;

    @BeforeAll
    void connect(Running running) throws Exception {
        platform = running;
        authorization = EventsApiCredentials.basic(platform.layout());
        http = client();
        output = new PipelineOutput(platform, RUN);
    }

    @AfterAll
    void close() throws Exception {
        output.close();
    }

    @Test
    @Order(1)
    void eventsWithCopiesSentOneAfterAnotherOnEveryPathAreOneRowEachAsPosted() throws Exception {
        String prefix = RUN + "seq-";
        Ledger ledger = new Ledger();

        // given 200 events of both kinds, every fourth sent again later on another path of its kind, and one array
        // of 10 more product events holding a copy of an earlier event and two copies of one of its own
        List<Event> events = IntStream.range(0, 200).mapToObj(n -> PipelineEvents.event(prefix, n)).toList();
        List<Post> posts = new ArrayList<>();
        for (int n = 0; n < events.size(); n++) {
            posts.add(Post.single(events.get(n), n));
            if (n >= 7 && (n - 7) % 4 == 0) {
                posts.add(Post.single(events.get(n - 7), n - 6));
            }
        }
        List<Event> array = new ArrayList<>(IntStream.range(200, 210).mapToObj(n -> PipelineEvents.product(prefix, n))
                .toList());
        array.add(events.get(1));
        array.add(array.get(4));
        posts.add(3 * posts.size() / 4, Post.array(array));
        for (int n = 0; n < events.size(); n += 4) {
            if (n + 7 >= events.size()) {
                posts.add(Post.single(events.get(n), n + 1));
            }
        }

        // when they are posted one after another
        long started = System.nanoTime();
        posts.forEach(post -> ledger.post(http, authorization, post));
        Duration sent = since(started);

        // then exactly N − K rows, one per event, and dedup (not the primary key) removed the copies
        assertThat(ledger.sent()).as("events sent (N)").isEqualTo(262);
        assertThat(ledger.duplicates()).as("copies among them (K)").isEqualTo(52);
        Duration stored = awaitExactly(prefix, ledger, STORED);
        report("sequential", ledger, sent, stored);

        // and each row holds what was posted: the kind, typed columns, the event as posted, the first copy's receive time
        // (view events 2 and 4 with content_id "", 0 and 10 with content; 0, 1, 4 and array's 4 with copies)
        List<String> samples = List.of(events.get(0).key(), events.get(1).key(), events.get(2).key(),
                events.get(4).key(), events.get(5).key(), events.get(10).key(), events.get(199).key(),
                array.get(4).key(), array.get(9).key());
        for (String key : samples) {
            assertStoredAsPosted(key, ledger);
        }
    }

    @Test
    @Order(2)
    void copiesPostedAtTheSameMomentByDifferentClientsAreOneRow() throws Exception {
        String prefix = RUN + "conc-";
        Ledger ledger = new Ledger();
        int clients = 16;
        int rounds = 40;

        // given 16 clients, each with its own connection, and 40 rounds in which clients 12–15 post exact copies of
        // what clients 0–3 post, at the same moment (a barrier starts every round)
        List<EventsHttp> https = IntStream.range(0, clients).mapToObj(c -> client()).toList();
        CyclicBarrier barrier = new CyclicBarrier(clients);
        int distinctPerRound = clients - 4;

        // when they post
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> senders = IntStream.range(0, clients).mapToObj(c -> CompletableFuture.runAsync(
                    () -> {
                        for (int round = 0; round < rounds; round++) {
                            int n = round * distinctPerRound + (c < distinctPerRound ? c : c - distinctPerRound);
                            Event event = PipelineEvents.event(prefix, n);
                            meet(barrier);
                            // the copy on another path of its kind than its twin's
                            ledger.post(https.get(c), authorization, Post.single(event, c < distinctPerRound ? n : n + 1));
                        }
                    }, threads)).toList();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        }
        Duration sent = since(started);

        // then exactly N − K rows
        assertThat(ledger.sent()).as("events sent (N)").isEqualTo(clients * rounds);
        assertThat(ledger.duplicates()).as("copies among them (K)").isEqualTo(4 * rounds);
        Duration stored = awaitExactly(prefix, ledger, STORED);
        report("concurrent (16 clients)", ledger, sent, stored);
    }

    @Test
    @Order(3)
    void eventsAndTheirCopiesAcrossARestartOfEventsApiAreOneRowEach() throws Exception {
        String prefix = RUN + "restart-";
        Ledger ledger = new Ledger();
        List<Event> events = IntStream.range(0, 200).mapToObj(n -> PipelineEvents.event(prefix, n)).toList();

        // given 100 events and copies of 20 of them posted
        long started = System.nanoTime();
        for (int n = 0; n < 100; n++) {
            ledger.post(http, authorization, Post.single(events.get(n), n));
            if (n % 5 == 4) {
                ledger.post(http, authorization, Post.single(events.get(n - 4), n));
            }
        }

        // when events-api is stopped and started again by the launcher, and 100 more and copies of 20 other events
        // posted before the restart are posted to the new process (by a new client, as an app reconnects)
        platform.platform().stop(EVENTS_API);
        assertThat(platform.process(EVENTS_API).running()).as("events-api after stop").isEmpty();
        long restarting = System.nanoTime();
        platform.platform().start(EVENTS_API, quiet());
        Duration restart = since(restarting);
        EventsHttp reconnected = client();
        for (int n = 100; n < 200; n++) {
            ledger.post(reconnected, authorization, Post.single(events.get(n), n));
            if (n % 5 == 4) {
                ledger.post(reconnected, authorization, Post.single(events.get(n - 100), n));
            }
        }
        Duration sent = since(started);

        // then exactly N − K rows
        assertThat(ledger.sent()).as("events sent (N)").isEqualTo(240);
        assertThat(ledger.duplicates()).as("copies among them (K), 20 across the restart").isEqualTo(40);
        Duration stored = awaitExactly(prefix, ledger, STORED);
        report("across an events-api restart (restart %.1f s)".formatted(restart.toMillis() / 1000.0), ledger, sent,
                stored);
    }

    @Test
    @Order(4)
    void dedupKilledMidStreamStillGivesExactlyOneRowAndOneRecordPerEvent() throws Exception {
        // given 600 events, 120 of them copies, streaming in from 4 clients at up to 100 a second
        String prefix = RUN + "kill-dedup-";
        Ledger ledger = new Ledger();
        Kill kill;
        Duration sent;
        try (Stream stream = new Stream(prefix, ledger, 480, 120)) {

            // when dedup is killed -9 once a quarter of them are acknowledged and some are rows, and started again by
            // the launcher (the copies of the events before the kill meet a store restored from its changelog)
            awaitUnderWay(prefix, ledger);
            kill = kill(DEDUP, ledger, prefix, () -> platform.platform().start(DEDUP, quiet()));
            sent = stream.finish();
        }

        // then exactly N − K rows, and product-events holds exactly N − K records of them (read_committed)
        assertThat(ledger.sent()).as("events sent (N)").isEqualTo(600);
        assertThat(ledger.duplicates()).as("copies among them (K)").isEqualTo(120);
        assertThat(kill.acknowledged()).as("events acknowledged when dedup was killed").isBetween(150, 599);
        Duration stored = awaitExactly(prefix, ledger, RECOVERED);
        report(kill.describe(), ledger, sent, stored);
    }

    @Test
    @Order(5)
    void connectWorkerKilledMidStreamStillGivesExactlyOneRowPerEvent() throws Exception {
        // given 600 events, 120 of them copies, streaming in from 4 clients at up to 100 a second
        String prefix = RUN + "kill-connect-";
        Ledger ledger = new Ledger();
        Kill kill;
        Duration sent;
        try (Stream stream = new Stream(prefix, ledger, 480, 120)) {

            // when the Connect worker is killed -9 once a quarter of them are acknowledged and some are rows, and
            // started again with the sink
            awaitUnderWay(prefix, ledger);
            kill = kill(CONNECT, ledger, prefix, () -> platform.platform().start(SINK, quiet()));
            sent = stream.finish();
        }

        // then exactly N − K rows: the sink resumed from its committed offsets, and what it wrote again changed nothing
        assertThat(ledger.sent()).as("events sent (N)").isEqualTo(600);
        assertThat(ledger.duplicates()).as("copies among them (K)").isEqualTo(120);
        assertThat(kill.acknowledged()).as("events acknowledged when the worker was killed").isBetween(150, 599);
        Duration stored = awaitExactly(prefix, ledger, RECOVERED);
        report(kill.describe(), ledger, sent, stored);
        await("every component healthy").atMost(STORED).until(() -> platform.platform().status().stream()
                .filter(status -> List.of(EVENTS_API, DEDUP, CONNECT, SINK).contains(status.component()))
                .allMatch(status -> status.state() == ComponentStatus.State.HEALTHY));
    }

    @Test
    @Order(6)
    void statusSaysWhichEventsWereNewAndWhichDuplicatesAndCountsThem() throws Exception {
        // given the counts of the status once the decisions of the cases before are all shown
        String prefix = RUN + "status-";
        Ledger ledger = new Ledger();
        AtomicReference<JsonNode> settled = new AtomicReference<>(status().path("counts"));
        await("status counts settled").atMost(STORED).during(Duration.ofSeconds(2)).until(() -> {
            JsonNode counts = status().path("counts");
            return counts.equals(settled.getAndSet(counts));
        });
        JsonNode before = settled.get();

        // when 20 events of both kinds are posted, and exact copies of 5 of them after them
        List<Event> events = IntStream.range(0, 20).mapToObj(n -> PipelineEvents.event(prefix, n)).toList();
        for (int n = 0; n < events.size(); n++) {
            ledger.post(http, authorization, Post.single(events.get(n), n));
        }
        List<Event> copied = List.of(events.get(0), events.get(3), events.get(8), events.get(13), events.get(19));
        copied.forEach(event -> ledger.post(http, authorization, Post.single(event, 1)));

        // then the status says, for each of them, new for the first copy and duplicate for the later one ...
        JsonNode status = await("status lines of " + prefix).atMost(STORED).until(this::status, answer -> {
            List<String> lines = lines(answer);
            return events.stream().allMatch(event -> has(lines, event, "new"))
                    && copied.stream().allMatch(event -> has(lines, event, "duplicate"));
        });
        List<String> lines = lines(status);
        for (Event event : events) {
            assertThat(lines).as("lines of %s", event.key()).filteredOn(line -> line.contains(event.key()))
                    .hasSize(copied.contains(event) ? 2 : 1);
        }

        // ... and its counts grew by as many: 20 new (10 view events), 5 duplicates (2 of view events), 25 published
        JsonNode after = status.path("counts");
        assertThat(after.path("new").asLong() - before.path("new").asLong()).as("new").isEqualTo(20);
        assertThat(after.path("duplicate").asLong() - before.path("duplicate").asLong()).as("duplicate").isEqualTo(5);
        assertThat(after.path("published").asLong() - before.path("published").asLong()).as("published").isEqualTo(25);
        assertThat(delta(before, after, "view-event", "new")).as("view events new").isEqualTo(10);
        assertThat(delta(before, after, "view-event", "duplicate")).as("view events duplicate").isEqualTo(2);
        assertThat(delta(before, after, "product_events", "duplicate")).as("product events duplicate").isEqualTo(3);
        assertThat(status.path("partitions").asInt()).as("partitions of dedup's output followed").isEqualTo(9);
        awaitExactly(prefix, ledger, STORED);
    }

    /** Waits until a quarter of a stream's 600 events are acknowledged and some of them are rows. */
    private void awaitUnderWay(String prefix, Ledger ledger) {
        await("150 events of " + prefix + " acknowledged and rows of them").atMost(STORED).pollInSameThread()
                .until(() -> ledger.sent() >= 150 && output.rows(prefix) > 0);
    }

    /**
     * Waits until the rows of {@code prefix} are exactly the ledger's different events, then checks that
     * product-events (read_committed) holds exactly one record of each and product-events-duplicates the
     * copies: dedup removed them, not the primary key. Returns the time it waited.
     */
    private Duration awaitExactly(String prefix, Ledger ledger, Duration deadline) throws Exception {
        long started = System.nanoTime();
        int expected = ledger.distinct();
        await(ledger.sent() + " events with " + ledger.duplicates() + " copies stored as rows of " + prefix)
                .atMost(deadline).pollInSameThread().pollInterval(Duration.ofMillis(250))
                .until(() -> output.rows(prefix) >= expected);
        Duration waited = since(started);
        await("dedup's committed output of " + prefix).atMost(STORED).pollInSameThread().until(() -> {
            output.catchUp();
            return output.decisions(Topics.PRODUCT_EVENTS, prefix).size() >= expected
                    && output.decisions(Topics.PRODUCT_EVENTS_DUPLICATES, prefix).size() >= ledger.duplicates();
        });
        assertThat(output.rows(prefix)).as("rows of %s (N − K)", prefix).isEqualTo(expected);
        List<PipelineOutput.Decision> unique = output.decisions(Topics.PRODUCT_EVENTS, prefix);
        assertThat(unique).as("records of %s on %s (N − K)", prefix, Topics.PRODUCT_EVENTS).hasSize(expected);
        assertThat(unique).extracting(PipelineOutput.Decision::key).as("their keys")
                .containsExactlyInAnyOrderElementsOf(ledger.keys());
        assertThat(output.decisions(Topics.PRODUCT_EVENTS_DUPLICATES, prefix))
                .as("records of %s on %s (K)", prefix, Topics.PRODUCT_EVENTS_DUPLICATES).hasSize(ledger.duplicates());
        return waited;
    }

    /** The row of {@code key} holds the event as posted, and the receive time of its first copy. */
    private void assertStoredAsPosted(String key, Ledger ledger) throws Exception {
        Event event = ledger.event(key);
        Row row = output.row(key).orElseThrow(() -> new AssertionError("no row for " + event.json()));
        assertThat(row.kind()).as("kind of %s", key).isEqualTo(event.kind().id());
        assertThat(row.eventName()).as("event_name of %s", key).isEqualTo(event.json().path("event_name").asText());
        assertThat(row.eventDatetime()).as("event_datetime of %s", key)
                .isEqualTo(OffsetDateTime.parse(event.json().path("event_datetime").asText()).toInstant());
        assertThat(row.userId()).as("user_id of %s", key).isEqualTo(event.user());
        assertThat(row.productId()).as("product_id of %s", key).isEqualTo(event.product());
        assertThat(row.sid()).as("sid of %s", key).isEqualTo(event.json().path("sid").asText());
        assertThat(row.event()).as("event of %s", key).isEqualTo(event.json());
        assertThat(row.receivedAt()).as("received_at of %s: the first copy's record timestamp", key)
                .isEqualTo(output.rawTimestamp(ledger.raw(key).getFirst()));
    }

    /**
     * {@code distinct} events and {@code copies} exact copies of some of them (each a little after its
     * first), posted by 4 clients at about 100 events a second, so that a kill lands mid-stream: the stream
     * lasts 6 s, and the kill waits for the first rows, 1.5–2.5 s in here, later on a loaded machine.
     */
    private final class Stream implements AutoCloseable {

        private static final int CLIENTS = 4;
        private static final int PER_SECOND = 100;

        private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final CompletableFuture<Void> sending;
        private final long started = System.nanoTime();

        Stream(String prefix, Ledger ledger, int distinct, int copies) {
            BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
            int every = distinct / copies;
            for (int n = 0; n < distinct + 10; n++) {
                if (n < distinct) {
                    posts.add(Post.single(PipelineEvents.event(prefix, n), n));
                }
                int original = n - 10;
                if (original >= 0 && original % every == 0) {
                    // on another path of its kind than the first copy's
                    posts.add(Post.single(PipelineEvents.event(prefix, original), n + 1));
                }
            }
            Semaphore permits = new Semaphore(0);
            pace.scheduleAtFixedRate(() -> permits.release(PER_SECOND / 10), 0, 100, TimeUnit.MILLISECONDS);
            sending = CompletableFuture.allOf(IntStream.range(0, CLIENTS).mapToObj(c -> {
                EventsHttp client = client();
                return CompletableFuture.runAsync(() -> {
                    try {
                        for (Post post = posts.poll(); post != null; post = posts.poll()) {
                            permits.acquire();
                            ledger.post(client, authorization, post);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, threads);
            }).toArray(CompletableFuture[]::new));
        }

        /** Waits until every event is acknowledged; returns how long the sending took. */
        Duration finish() throws Exception {
            sending.get(2, TimeUnit.MINUTES);
            return since(started);
        }

        /** Stops sending (whatever was not sent by then stays unsent). */
        @Override
        public void close() {
            pace.shutdownNow();
            threads.shutdownNow();
        }
    }

    /** A kill -9: of which process, how many events were acknowledged and stored by then, how long its start took. */
    private record Kill(String component, long pid, int acknowledged, long rows, Duration start) {

        String describe() {
            return String.format(Locale.ROOT, "%s killed -9 (pid %d) after %d events acknowledged and %d rows, "
                    + "healthy again %.1f s later", component, pid, acknowledged, rows, start.toMillis() / 1000.0);
        }
    }

    /** Kills the process of {@code component} with SIGKILL, waits until it is gone, then {@code restart}s it. */
    private Kill kill(String component, Ledger ledger, String prefix, Runnable restart) throws Exception {
        ProcessHandle victim = platform.process(component).running()
                .orElseThrow(() -> new AssertionError(component + " does not run"));
        int acknowledged = ledger.sent();
        long rows = output.rows(prefix);
        long killedAt = System.nanoTime();
        Running.kill(victim);
        restart.run();
        assertThat(platform.process(component).running()).as("%s after the start", component).get()
                .extracting(ProcessHandle::pid).isNotEqualTo(victim.pid());
        return new Kill(component, victim.pid(), acknowledged, rows, since(killedAt));
    }

    private JsonNode status() throws Exception {
        EventsHttp.Answer answer = http.get("/api-fast/status", authorization);
        assertThat(answer.status()).as("GET /api-fast/status; body %s", answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> lines(JsonNode status) {
        List<String> lines = new ArrayList<>();
        status.path("srvlogs").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static boolean has(List<String> lines, Event event, String decision) {
        return lines.stream().anyMatch(line -> line.contains(event.kind().id() + " " + event.key() + ": " + decision));
    }

    private static long delta(JsonNode before, JsonNode after, String kind, String decision) {
        return after.path("byKind").path(kind).path(decision).asLong()
                - before.path("byKind").path(kind).path(decision).asLong();
    }

    /** A client of the platform's events-api: its own HTTPS connection, trusting the platform CA. */
    private EventsHttp client() {
        return new EventsHttp(platform.platform().endpoints().serviceUrl(EVENTS_API)
                .orElseThrow(() -> new AssertionError("events-api has no URL: is it in it.components?")), platform.layout());
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the clients did not meet", e);
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static PrintStream quiet() {
        return new PrintStream(System.out, true);
    }

    private static void report(String what, Ledger ledger, Duration sent, Duration stored) {
        System.out.printf(Locale.ROOT, "events pipeline, %s: %d events with %d copies sent in %.1f s, %d rows "
                + "%.1f s after the last%n", what, ledger.sent(), ledger.duplicates(), sent.toMillis() / 1000.0,
                ledger.distinct(), stored.toMillis() / 1000.0);
    }

}
