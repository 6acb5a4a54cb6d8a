package dev.bazaar.events.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.Cluster;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.Topics;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.EventKind;
import dev.bazaar.events.ingest.TestEvents;
import dev.bazaar.events.ingest.WireFormat;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.apicurio.registry.serde.jsonschema.JsonSchemaKafkaDeserializer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * events-api against the real platform — a secure main cluster and the schema registry, as
 * {@code ./bazaar up} starts them — started in the test JVM: what a good event becomes on
 * {@code product-events-raw} (key, header, timestamp, schema id, bytes), the earlier systems' paths,
 * every class of bad input refused as problem JSON with nothing published, dedup's decisions in the
 * status, and the meters. Events carry a per-run session id, so the build's shared platform isolates them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsApiIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String RUN = "events-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private Running platform;
    private EventsHttp http;
    private String events;
    private KafkaConsumer<byte[], byte[]> raw;
    private int sequence;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        platform = EventsPlatform.prepared();
        return EventsPlatform.properties(platform);
    }

    @BeforeAll
    void connect() {
        http = new EventsHttp(server.getURL().toString(), platform.layout());
        events = EventsApiCredentials.basic(platform.layout());
        Properties props = platform.client(Cluster.MAIN, "admin", new Properties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        raw = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterAll
    void close() {
        raw.close();
    }

    @Test
    void goodViewEventIsOneRecordKeyedTimestampedAndFramedWithItsSchemaId() throws Exception {
        // given the earlier system's view event, as its app posts it (content_id "", as the sample has it)
        ObjectNode event = viewEvent();
        byte[] posted = TestEvents.bytes(event);
        long before = System.currentTimeMillis();

        // when it is posted to the earlier FastAPI path
        EventsHttp.Answer answer = http.post("/api-fast/view-event", JSON_TYPE, posted, events);
        long after = System.currentTimeMillis();

        // then 200 with its key and place ...
        assertThat(answer.status()).as("status; body %s", answer.body()).isEqualTo(200);
        JsonNode stored = answer.json().path("events").get(0);
        byte[] key = DedupKey.of(event, EventKind.VIEW_EVENT.defaultKeyFields());
        assertThat(answer.json().path("acknowledged").asInt()).as("acknowledged").isEqualTo(1);
        assertThat(stored.path("key").asText()).as("key").isEqualTo(DedupKey.hex(key));
        assertThat(stored.path("kind").asText()).as("kind").isEqualTo("view-event");

        // ... and there one record: the key's 16 bytes, header event-kind, the receive time, the wire format
        ConsumerRecord<byte[], byte[]> record = read(stored);
        assertThat(record.key()).as("record key").isEqualTo(key);
        assertThat(new String(record.headers().lastHeader("event-kind").value(), StandardCharsets.UTF_8))
                .as("header event-kind").isEqualTo("view-event");
        assertThat(record.timestamp()).as("timestamp: the receive time").isBetween(before, after);
        assertThat(record.value()[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt()).as("schema id")
                .isEqualTo(registeredId(EventKind.VIEW_EVENT));
        assertThat(Arrays.copyOfRange(record.value(), 5, record.value().length)).as("the event as posted").isEqualTo(posted);
        assertThat(deserialized(record)).as("the event read back through the registry").isEqualTo(event);
    }

    @Test
    void earlierPathsTakeTheirPayloadsAndEventsTakesAnArray() throws Exception {
        // when product events are posted to /product_events/, /product_events and, two at once, to /events
        EventsHttp.Answer slash = http.post("/product_events/", JSON_TYPE, TestEvents.bytes(productEvent()), events);
        EventsHttp.Answer noSlash = http.post("/product_events", JSON_TYPE, TestEvents.bytes(productEvent()), events);
        ArrayNode two = JsonNodeFactory.instance.arrayNode().add(productEvent()).add(productEvent());
        EventsHttp.Answer array = http.post("/events?kind=product_events", JSON_TYPE, TestEvents.bytes(two), events);

        // (and a view event without Content-Type, which the earlier FastAPI service read as JSON too)
        EventsHttp.Answer noContentType = http.post("/api-fast/view-event", null, TestEvents.bytes(viewEvent()), events);

        // then each is acknowledged: 200 on the earlier paths, 202 with both events in order on /events
        assertThat(slash.status()).as("/product_events/; body %s", slash.body()).isEqualTo(200);
        assertThat(noSlash.status()).as("/product_events; body %s", noSlash.body()).isEqualTo(200);
        assertThat(noContentType.status()).as("no Content-Type; body %s", noContentType.body()).isEqualTo(200);
        assertThat(array.status()).as("/events; body %s", array.body()).isEqualTo(202);
        assertThat(array.json().path("events").findValuesAsText("kind")).as("kinds")
                .containsExactly("product_events", "product_events");
        assertThat(array.json().path("events").findValues("index")).extracting(JsonNode::asInt).as("indexes")
                .containsExactly(0, 1);
        ConsumerRecord<byte[], byte[]> record = read(array.json().path("events").get(1));
        assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt()).as("schema id")
                .isEqualTo(registeredId(EventKind.PRODUCT_EVENTS));
    }

    @Test
    void everyBadInputIsProblemJsonNamingTheFieldAndNothingIsPublished() throws Exception {
        // given the raw topic's end and bad requests of every class
        long endBefore = rawEnd();
        ObjectNode missingKey = viewEvent();
        missingKey.remove("userId");
        ObjectNode nullKey = viewEvent().putNull("sid");
        ArrayNode oneBad = JsonNodeFactory.instance.arrayNode().add(viewEvent()).add(viewEvent().put("is_trial", "no"));
        String bigEvent = viewEvent().put("padding", "x".repeat(70 * 1024)).toString();
        byte[] bigRequest = ("[" + String.join(",", Collections.nCopies(20, bigEvent)) + "]")
                .getBytes(StandardCharsets.UTF_8);
        String wrongPassword = BasicAuth.header(EventsApiCredentials.USER, "wrong");
        byte[] good = TestEvents.bytes(viewEvent());

        // when each is posted, then each is refused as problem JSON naming what is wrong
        refused(http.post("/events", JSON_TYPE, TestEvents.bytes("{\"userId\": "), events), 400, "$", "malformed JSON");
        refused(http.post("/events", JSON_TYPE, new byte[0], events), 400, "$", "empty");
        refused(http.post("/api-fast/view-event", JSON_TYPE, TestEvents.bytes(viewEvent().put("is_trial", "no")), events),
                400, "$.is_trial", "string");
        EventsHttp.Answer missing = http.post("/api-fast/view-event", JSON_TYPE, TestEvents.bytes(missingKey), events);
        refused(missing, 400, "$.userId", "missing");
        assertThat(missing.json().path("errors").get(0).path("reason").asText()).as("reason")
                .isEqualTo("missing-key-field");
        refused(http.post("/events", JSON_TYPE, TestEvents.bytes(nullKey), events), 400, "$.sid", "null");
        refused(http.post("/events", JSON_TYPE, TestEvents.bytes(viewEvent().put("event_datetime", "2026-12-07 10:00")),
                events), 400, "$.event_datetime", "RFC 3339");
        EventsHttp.Answer array = http.post("/events", JSON_TYPE, TestEvents.bytes(oneBad), events);
        refused(array, 400, "$.is_trial", "string");
        assertThat(array.json().path("errors").get(0).path("index").asInt()).as("index of the bad event").isEqualTo(1);
        refused(http.post("/events", JSON_TYPE, TestEvents.bytes(bigEvent), events), 413, "$", "at most 65536");
        EventsHttp.Answer tooLarge = http.post("/events", JSON_TYPE, bigRequest, events);
        assertThat(tooLarge.status()).as("request over 1 MiB; body %s", tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.contentType()).as("content type of 413").startsWith(PROBLEM);
        EventsHttp.Answer text = http.post("/events", "text/plain", good, events);
        assertThat(text.status()).as("text/plain; body %s", text.body()).isEqualTo(415);
        assertThat(text.json().path("detail").asText()).as("detail of 415").contains("application/json");
        EventsHttp.Answer anonymous = http.post("/events", JSON_TYPE, good, null);
        assertThat(anonymous.status()).as("no credentials").isEqualTo(401);
        assertThat(anonymous.contentType()).as("content type of 401").startsWith(PROBLEM);
        assertThat(http.post("/events", JSON_TYPE, good, wrongPassword).status()).as("wrong password").isEqualTo(401);
        EventsHttp.Answer kind = http.post("/events?kind=click", JSON_TYPE, good, events);
        assertThat(kind.status()).as("unknown kind; body %s", kind.body()).isEqualTo(400);
        assertThat(kind.json().path("invalid-params").get(0).path("name").asText()).as("parameter").isEqualTo("kind");

        // then nothing reached the raw topic: the next good event is the only record after them
        EventsHttp.Answer marker = http.post("/events", JSON_TYPE, good, events);
        assertThat(marker.status()).as("the good event after them; body %s", marker.body()).isEqualTo(202);
        assertThat(rawEnd()).as("records added to %s by the bad requests and the good one", Topics.PRODUCT_EVENTS_RAW)
                .isEqualTo(endBefore + 1);
    }

    @Test
    void statusShowsDedupsDecisionsNewAndDuplicate() throws Exception {
        // given dedup decided on two events of this run: the first copy of one, a later copy of another (records
        // as dedup writes them, so that a sink of the build's platform takes the first like any other)
        ObjectNode view = viewEvent();
        ObjectNode product = productEvent();
        byte[] first = DedupKey.of(view, EventKind.VIEW_EVENT.defaultKeyFields());
        byte[] copy = DedupKey.of(product, EventKind.PRODUCT_EVENTS.defaultKeyFields());
        try (KafkaProducer<byte[], byte[]> dedup = new KafkaProducer<>(platform.client(Cluster.MAIN, "admin",
                props(ProducerConfig.ACKS_CONFIG, "all")), new ByteArraySerializer(), new ByteArraySerializer())) {
            dedup.send(decision(Topics.PRODUCT_EVENTS, first, EventKind.VIEW_EVENT, view))
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            dedup.send(decision(Topics.PRODUCT_EVENTS_DUPLICATES, copy, EventKind.PRODUCT_EVENTS, product))
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }

        // when the status is read, then its lines say which was new and which a duplicate, and the counts agree
        await().atMost(DEADLINE).untilAsserted(() -> {
            EventsHttp.Answer status = http.get("/api-fast/status", events);
            assertThat(status.status()).as("status; body %s", status.body()).isEqualTo(200);
            List<String> lines = new ArrayList<>();
            status.json().path("srvlogs").forEach(line -> lines.add(line.asText()));
            assertThat(lines).as("srvlogs")
                    .anySatisfy(line -> assertThat(line).contains("view-event " + DedupKey.hex(first) + ": new"))
                    .anySatisfy(line -> assertThat(line).contains("product_events " + DedupKey.hex(copy) + ": duplicate"));
            assertThat(status.json().path("counts").path("new").asLong()).as("new").isPositive();
            assertThat(status.json().path("counts").path("duplicate").asLong()).as("duplicate").isPositive();
        });
    }

    @Test
    void prometheusShowsReceivedPublishedRejectedAndPublishLatency() throws Exception {
        // given one good and one refused event
        http.post("/events", JSON_TYPE, TestEvents.bytes(viewEvent()), events);
        http.post("/events", JSON_TYPE, TestEvents.bytes("not json"), events);

        // when Prometheus scrapes
        EventsHttp.Answer metrics = http.get("/prometheus", HttpUser.METRICS.basic(platform.layout()));

        // then the ingest's meters are there, per kind and reason
        assertThat(metrics.status()).as("status").isEqualTo(200);
        assertThat(metrics.body()).as("metrics")
                .contains("events_api_received_total{kind=\"view-event\"")
                .contains("events_api_published_total{kind=\"view-event\"")
                .contains("events_api_rejected_total{kind=\"view-event\",reason=\"malformed-json\"")
                .contains("events_api_publish_seconds_count{kind=\"view-event\",outcome=\"acknowledged\"")
                .contains("events_api_publish_seconds{kind=\"view-event\",outcome=\"acknowledged\",quantile=\"0.99\"");
    }

    private void refused(EventsHttp.Answer answer, int status, String field, String message) throws Exception {
        assertThat(answer.status()).as("status; body %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as("content type; body %s", answer.body()).startsWith(PROBLEM);
        JsonNode error = answer.json().path("errors").get(0);
        assertThat(error).as("first error; body %s", answer.body()).isNotNull();
        assertThat(error.path("field").asText()).as("field; body %s", answer.body()).isEqualTo(field);
        assertThat(error.path("message").asText()).as("message; body %s", answer.body()).contains(message);
        assertThat(answer.json().path("detail").asText()).as("detail").contains("nothing was published");
        assertThat(error.path("reason").asText()).as("reason; body %s", answer.body()).matches("[a-z-]+");
    }

    /** A view event of this run: the sample with a session of its own. */
    private ObjectNode viewEvent() {
        return TestEvents.sample(EventKind.VIEW_EVENT).put("sid", RUN + "-" + sequence++);
    }

    private ObjectNode productEvent() {
        return TestEvents.sample(EventKind.PRODUCT_EVENTS).put("sid", RUN + "-" + sequence++);
    }

    private ConsumerRecord<byte[], byte[]> read(JsonNode stored) {
        TopicPartition partition = new TopicPartition(stored.path("topic").asText(), stored.path("partition").asInt());
        raw.assign(List.of(partition));
        raw.seek(partition, stored.path("offset").asLong());
        return await().atMost(DEADLINE).until(() -> raw.poll(Duration.ofMillis(500)).records(partition).stream()
                .filter(record -> record.offset() == stored.path("offset").asLong()).findFirst().orElse(null),
                found -> found != null);
    }

    private long rawEnd() {
        List<TopicPartition> partitions = raw.partitionsFor(Topics.PRODUCT_EVENTS_RAW).stream()
                .map(PartitionInfo::partition).map(p -> new TopicPartition(Topics.PRODUCT_EVENTS_RAW, p)).toList();
        return raw.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private int registeredId(EventKind kind) throws Exception {
        RegistryConnection registry = platform.platform().registryAs(RegistryUser.READONLY);
        HttpResponse<String> latest = HttpClient.newBuilder().sslContext(registry.sslContext()).build().send(
                EventsPlatform.request(registry, "/subjects/" + kind.subject(Topics.PRODUCT_EVENTS_RAW)
                        + "/versions/latest").GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(latest.body()).path("id").asInt();
    }

    private JsonNode deserialized(ConsumerRecord<byte[], byte[]> record) {
        try (JsonSchemaKafkaDeserializer<JsonNode> deserializer = new JsonSchemaKafkaDeserializer<>()) {
            deserializer.configure(new HashMap<>(platform.platform().registryAs(RegistryUser.READONLY).serdeConfig()), false);
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        }
    }

    /** A record of dedup's output: the raw record passed through (key, header, wire format). */
    private ProducerRecord<byte[], byte[]> decision(String topic, byte[] key, EventKind kind, ObjectNode event)
            throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-kind", kind.id().getBytes(StandardCharsets.UTF_8));
        byte[] json = TestEvents.bytes(event);
        return new ProducerRecord<>(topic, null, System.currentTimeMillis(), key,
                WireFormat.frame(registeredId(kind), json, 0, json.length), headers);
    }

    private static Properties props(String key, String value) {
        Properties props = new Properties();
        props.put(key, value);
        return props;
    }
}
