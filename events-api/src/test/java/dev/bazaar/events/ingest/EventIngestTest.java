package dev.bazaar.events.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.EventKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The ingest of a request from body to records, on Kafka's MockProducer: the record's key, value,
 * header and timestamp; a bad event anywhere in an array publishes nothing; the key depends on the key
 * fields only, an empty string being a value.
 */
class EventIngestTest {

    private static final int VIEW_SCHEMA_ID = 41;
    private static final int PRODUCT_SCHEMA_ID = 42;
    private static final Instant RECEIVED = Instant.parse("2026-12-07T10:15:30.123Z");
    private static final Duration ACK = Duration.ofSeconds(5);

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventIngest ingest = ingest(producer);

    @Test
    void eventBecomesOneRecordKeyedByItsKeyFieldsInTheWireFormat() throws Exception {
        // given the earlier system's product event, as posted
        ObjectNode event = TestEvents.sample(EventKind.PRODUCT_EVENTS);
        byte[] body = TestEvents.bytes(event);

        // when it is ingested
        List<PublishedEvent> published = ingest.accept(EventKind.PRODUCT_EVENTS, body, false).get(ACK.toSeconds(), TimeUnit.SECONDS);

        // then one record: key = the de-duplication key, value = magic 0 + schema id + the bytes posted,
        // header event-kind, timestamp = the receive time
        ProducerRecord<byte[], byte[]> record = producer.history().getFirst();
        byte[] key = DedupKey.of(event, EventKind.PRODUCT_EVENTS.defaultKeyFields());
        assertThat(producer.history()).as("records").hasSize(1);
        assertThat(record.topic()).as("topic").isEqualTo("product-events-raw");
        assertThat(record.key()).as("key").hasSize(DedupKey.BYTES).isEqualTo(key);
        assertThat(WireFormat.schemaId(record.value())).as("schema id").isEqualTo(PRODUCT_SCHEMA_ID);
        assertThat(Arrays.copyOfRange(record.value(), WireFormat.HEADER_BYTES, record.value().length)).as("JSON")
                .isEqualTo(body);
        assertThat(new String(record.headers().lastHeader(EventKind.HEADER).value(), StandardCharsets.UTF_8))
                .as("header event-kind").isEqualTo("product_events");
        assertThat(record.timestamp()).as("timestamp").isEqualTo(RECEIVED.toEpochMilli());
        assertThat(published).as("answer").extracting(PublishedEvent::index, PublishedEvent::kind, PublishedEvent::key)
                .containsExactly(tuple(0, "product_events", DedupKey.hex(key)));
        assertThat(registry.get("events.api.published").tag("kind", "product_events").counter().count())
                .as("published counter").isEqualTo(1);
    }

    @Test
    void oneBadEventOfAnArrayPublishesNothingAndNamesItsIndexAndField() {
        // given three view events, the second without userId, the third valid
        ObjectNode bad = TestEvents.sample(EventKind.VIEW_EVENT);
        bad.remove("userId");
        ArrayNode array = JsonNodeFactory.instance.arrayNode().add(TestEvents.sample(EventKind.VIEW_EVENT)).add(bad)
                .add(TestEvents.sample(EventKind.VIEW_EVENT).put("sid", "other"));

        // when they are posted together
        InvalidEventsException refused = catchThrowableOfType(InvalidEventsException.class,
                () -> ingest.accept(EventKind.VIEW_EVENT, TestEvents.bytes(array), true));

        // then nothing is sent, the error names event 1 and its field, and the rejections are counted
        assertThat(producer.history()).as("records sent").isEmpty();
        assertThat(refused.errors()).as("errors").extracting(FieldError::index, FieldError::field, FieldError::reason)
                .containsExactly(tuple(1, "$.userId", Reason.MISSING_KEY_FIELD));
        assertThat(rejected("missing-key-field")).as("rejected as missing a key field").isEqualTo(1);
        assertThat(rejected("other-event-invalid")).as("valid events rejected with it").isEqualTo(2);
    }

    @Test
    void arrayOfValidEventsIsPublishedInOrder() throws Exception {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 3; i++) {
            array.add(TestEvents.sample(EventKind.VIEW_EVENT).put("sid", "s-" + i));
        }
        List<PublishedEvent> published = ingest.accept(EventKind.VIEW_EVENT, TestEvents.bytes(array), true)
                .get(ACK.toSeconds(), TimeUnit.SECONDS);
        assertThat(published).as("answer").extracting(PublishedEvent::index).containsExactly(0, 1, 2);
        assertThat(producer.history()).as("records").hasSize(3)
                .allSatisfy(record -> assertThat(WireFormat.schemaId(record.value())).isEqualTo(VIEW_SCHEMA_ID));
    }

    @Test
    void keyDependsOnTheKeyFieldsOnlyAndAnEmptyStringIsAValue() throws Exception {
        // given the sample (content_id ""), a copy with another request_id and field order, one with content_id " "
        ObjectNode sample = TestEvents.sample(EventKind.VIEW_EVENT);
        ObjectNode reordered = JsonNodeFactory.instance.objectNode().put("request_id", "another");
        sample.properties().forEach(field -> reordered.putIfAbsent(field.getKey(), field.getValue()));
        ObjectNode space = sample.deepCopy().put("content_id", " ");

        // when each is ingested
        String key = key(sample);

        // then only a change of a key field changes the key
        assertThat(key(reordered)).as("key of the same key fields").isEqualTo(key);
        assertThat(key(space)).as("key with content_id ' ' instead of ''").isNotEqualTo(key);
        assertThat(key).as("key").isEqualTo(DedupKey.hex(DedupKey.of(sample, EventKind.VIEW_EVENT.defaultKeyFields())));
    }

    @Test
    void kafkaFailureSaysWhichEventsWereNotAcknowledged() throws Exception {
        // given a producer that does not complete by itself
        MockProducer<byte[], byte[]> manual = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        EventIngest waiting = ingest(manual);
        ArrayNode array = JsonNodeFactory.instance.arrayNode().add(TestEvents.sample(EventKind.VIEW_EVENT))
                .add(TestEvents.sample(EventKind.VIEW_EVENT).put("sid", "2"));

        // when the first is acknowledged and the second times out
        CompletableFuture<List<PublishedEvent>> answer = waiting.accept(EventKind.VIEW_EVENT, TestEvents.bytes(array), true);
        manual.completeNext();
        manual.errorNext(new TimeoutException("Expiring 1 record(s) after 15000 ms"));

        // then the request fails naming the event not acknowledged and the one that was
        ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> answer.get(ACK.toSeconds(), TimeUnit.SECONDS));
        assertThat(failed.getCause()).as("failure").isInstanceOfSatisfying(PublishFailedException.class, e -> {
            assertThat(e.acknowledged()).as("acknowledged").extracting(PublishedEvent::index).containsExactly(0);
            assertThat(e.failed()).as("not acknowledged").extracting(FieldError::index, FieldError::reason)
                    .containsExactly(tuple(1, Reason.NOT_ACKNOWLEDGED));
            assertThat(e.failed().getFirst().message()).as("message").contains("Expiring");
        });
    }

    private String key(ObjectNode event) throws Exception {
        producer.clear();
        return ingest.accept(EventKind.VIEW_EVENT, TestEvents.bytes(event), false).get(ACK.toSeconds(), TimeUnit.SECONDS)
                .getFirst().key();
    }

    private double rejected(String reason) {
        return registry.get("events.api.rejected").tag("kind", "view-event").tag("reason", reason).counter().count();
    }

    private EventIngest ingest(MockProducer<byte[], byte[]> kafka) {
        IngestMetrics metrics = new IngestMetrics(registry);
        Map<EventKind, EventValidator> validators = Map.of(
                EventKind.VIEW_EVENT, new EventValidator(TestEvents.schema(EventKind.VIEW_EVENT, VIEW_SCHEMA_ID),
                        EventKind.VIEW_EVENT.defaultKeyFields()),
                EventKind.PRODUCT_EVENTS, new EventValidator(TestEvents.schema(EventKind.PRODUCT_EVENTS, PRODUCT_SCHEMA_ID),
                        EventKind.PRODUCT_EVENTS.defaultKeyFields()));
        return new EventIngest(new EventBodies(64 * 1024, 100), validators,
                new EventPublisher(kafka, "product-events-raw", metrics), metrics, Clock.fixed(RECEIVED, ZoneOffset.UTC));
    }
}
