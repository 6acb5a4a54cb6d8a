package dev.bazaar.events.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.EventKind;
import dev.bazaar.events.ingest.TestEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The events of the pipeline tests: the earlier systems' sample payloads made distinct by a case's
 * prefix in the user field ({@code userId} of a view event, {@code client_id} of a product event —
 * the {@code user_id} column), posted on each ingest path, and a ledger of what events-api acknowledged.
 */
final class PipelineEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Event times of the tests: microseconds, as the earlier payloads have them, distinct per event. */
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00.123456Z");
    static final String VIEW_PATH = "/api-fast/view-event";
    static final String PRODUCT_PATH = "/product_events/";
    private static final List<String> VIEW_PATHS = List.of(VIEW_PATH, "/events", "/events?kind=view-event");
    private static final List<String> PRODUCT_PATHS = List.of(PRODUCT_PATH, "/events?kind=product_events");

    private PipelineEvents() {
    }

    /** One event as posted: its kind, JSON, exact bytes and de-duplication key (hex). */
    record Event(EventKind kind, ObjectNode json, byte[] bytes, String key) {

        /** What its {@code user_id} column holds. */
        String user() {
            return json.path(kind == EventKind.VIEW_EVENT ? "userId" : "client_id").asText();
        }

        /** What its {@code product_id} column holds. */
        String product() {
            return json.path(kind == EventKind.VIEW_EVENT ? "content_id" : "product_id").asText();
        }
    }

    /** The {@code n}th event of a case: view events at even {@code n}, product events at odd. */
    static Event event(String prefix, int n) {
        return n % 2 == 0 ? view(prefix, n) : product(prefix, n);
    }

    static Event view(String prefix, int n) {
        ObjectNode json = TestEvents.sample(EventKind.VIEW_EVENT);
        json.put("userId", prefix + "u" + n).put("sid", "s-" + n / 10)
                .put("event_name", n % 3 == 0 ? "app_list" : "content_view")
                .put("event_datetime", T0.plus(n, ChronoUnit.SECONDS).toString())
                .put("request_id", "r" + n);
        // the earlier payload sends content_id "" (a value, not a missing field); every fifth event names content
        json.put("content_id", n % 5 == 0 ? "c-" + n : "");
        return of(EventKind.VIEW_EVENT, json);
    }

    static Event product(String prefix, int n) {
        ObjectNode json = TestEvents.sample(EventKind.PRODUCT_EVENTS);
        json.put("client_id", prefix + "c" + n).put("product_id", "prod-" + n % 50).put("sid", "session-" + n / 10)
                .put("event_datetime", T0.plus(n, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS).toString())
                .put("price", n);
        // an extra field no schema knows: kept, not rejected
        json.put("experiment", "pipeline-" + n % 4);
        return of(EventKind.PRODUCT_EVENTS, json);
    }

    private static Event of(EventKind kind, ObjectNode json) {
        return new Event(kind, json, TestEvents.bytes(json), DedupKey.hex(DedupKey.of(json, kind.defaultKeyFields())));
    }

    /** A path of the event's kind: the earlier system's own and both spellings of {@code /events}, by {@code n}. */
    static String pathOf(Event event, int n) {
        List<String> paths = event.kind() == EventKind.VIEW_EVENT ? VIEW_PATHS : PRODUCT_PATHS;
        return paths.get(Math.floorMod(n, paths.size()));
    }

    /** One request: a single event, or several of one kind as a JSON array on {@code /events?kind=}. */
    record Post(String path, List<Event> events, boolean array) {

        static Post single(Event event, int n) {
            return new Post(pathOf(event, n), List.of(event), false);
        }

        static Post array(List<Event> events) {
            return new Post("/events?kind=" + events.getFirst().kind().id(), List.copyOf(events), true);
        }

        byte[] body() {
            if (!array) {
                return events.getFirst().bytes();
            }
            return events.stream().map(event -> new String(event.bytes(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining(",", "[", "]")).getBytes(StandardCharsets.UTF_8);
        }

        /** 202 on {@code /events}, 200 on the earlier systems' paths, as they answered. */
        int status() {
            return path.startsWith("/events") ? 202 : 200;
        }
    }

    /** Where events-api says it stored an event on product-events-raw. */
    record Raw(String topic, int partition, long offset) {
    }

    /**
     * What a case sent and events-api acknowledged: the events in order per key (the first copy's raw
     * record is the one dedup keeps), thread-safe for concurrent senders.
     */
    static final class Ledger {

        private final Map<String, Event> events = new ConcurrentHashMap<>();
        private final Map<String, List<Raw>> copies = new ConcurrentHashMap<>();
        private final AtomicInteger sent = new AtomicInteger();

        /** Posts {@code post} with {@code http} and records what was acknowledged; fails on any other answer. */
        void post(EventsHttp http, String authorization, Post post) {
            EventsHttp.Answer answer;
            JsonNode body;
            try {
                answer = http.post(post.path(), "application/json", post.body(), authorization);
                if (answer.status() != post.status()) {
                    throw new AssertionError("POST " + post.path() + " of " + post.events().size() + " event(s): "
                            + answer.status() + " " + answer.body());
                }
                body = JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (body.path("acknowledged").asInt() != post.events().size()) {
                throw new AssertionError("POST " + post.path() + ": acknowledged " + body.path("acknowledged")
                        + " of " + post.events().size() + " event(s): " + answer.body());
            }
            for (JsonNode stored : body.path("events")) {
                Event event = post.events().get(stored.path("index").asInt());
                if (!event.key().equals(stored.path("key").asText())) {
                    throw new AssertionError("key of " + event.json() + ": events-api says " + stored.path("key")
                            + ", DedupKey " + event.key());
                }
                events.putIfAbsent(event.key(), event);
                copies.computeIfAbsent(event.key(), key -> Collections.synchronizedList(new ArrayList<>()))
                        .add(new Raw(stored.path("topic").asText(), stored.path("partition").asInt(),
                                stored.path("offset").asLong()));
                sent.incrementAndGet();
            }
        }

        /** Events acknowledged, copies included (N). */
        int sent() {
            return sent.get();
        }

        /** Different events acknowledged (N − K): the rows expected. */
        int distinct() {
            return events.size();
        }

        /** Copies beyond the first (K). */
        int duplicates() {
            return sent() - distinct();
        }

        Event event(String key) {
            return events.get(key);
        }

        Set<String> keys() {
            return events.keySet();
        }

        /** The raw records of {@code key}, in the order events-api acknowledged them. */
        List<Raw> raw(String key) {
            return List.copyOf(copies.get(key));
        }
    }
}
