package dev.bazaar.dedup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.dedup.DedupKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic app's topology as its specification: what reaches {@code to}, the duplicates topic and the
 * dead-letter topic, record by record, with stream time advanced by the records' own timestamps.
 */
class DedupTopologyTest {

    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final List<String> VIEW_EVENT_KEY = List.of("userId", "content_id", "event_name", "event_datetime", "sid");
    private static final String VIEW = "{\"userId\":\"u1\",\"content_id\":\"\",\"event_name\":\"view\","
            + "\"event_datetime\":\"2026-12-01T00:00:00Z\",\"sid\":\"s1\",\"request_id\":\"%s\"}";
    private static final DedupJob EVENTS = DedupJob.byRecordKey("raw", "unique", RETENTION).withDuplicates("duplicates");

    @TempDir
    Path state;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private final AppMetrics metrics = new AppMetrics();

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void theFirstCopyGoesOutAsItArrivedAndLaterCopiesToTheDuplicatesTopic() {
        // given the events pipeline's job: keyed by the 16-byte record key
        start(EVENTS);
        byte[] a = key("a");
        byte[] b = key("b");
        Headers kind = new RecordHeaders().add("event-kind", utf8("view-event"));

        // when A arrives three times over six days, B once
        raw.pipeInput(new TestRecord<>(a, utf8("a1"), kind, T0));
        raw.pipeInput(new TestRecord<>(b, utf8("b1"), new RecordHeaders(), T0.plusSeconds(1)));
        raw.pipeInput(new TestRecord<>(a, utf8("a2"), kind, T0.plus(Duration.ofDays(3))));
        raw.pipeInput(new TestRecord<>(a, utf8("a3"), kind, T0.plus(Duration.ofDays(6))));

        // then A's first copy and B go to unique, unchanged: key, value, headers, timestamp
        List<TestRecord<byte[], byte[]>> unique = output("unique").readRecordsToList();
        assertThat(unique).extracting(r -> text(r.value())).as("first copies").containsExactly("a1", "b1");
        assertThat(unique.get(0).key()).as("record key").isEqualTo(a);
        assertThat(unique.get(0).getRecordTime()).as("timestamp").isEqualTo(T0);
        assertThat(unique.get(0).headers().toArray()).as("headers").extracting(Header::key, h -> text(h.value()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("event-kind", "view-event"));
        // and the later copies of A to duplicates, as they arrived
        List<TestRecord<byte[], byte[]>> copies = output("duplicates").readRecordsToList();
        assertThat(copies).extracting(r -> text(r.value())).as("later copies").containsExactly("a2", "a3");
        assertThat(copies.get(1).getRecordTime()).as("copy's own timestamp").isEqualTo(T0.plus(Duration.ofDays(6)));
        assertThat(copies.get(1).headers().lastHeader("event-kind")).as("copy's headers").isNotNull();
        assertThat(metrics.counters()).as("counters").containsEntry("dedup_unique_total", 2L)
                .containsEntry("dedup_duplicates_total", 2L).containsEntry("dedup_unkeyable_total", 0L);
    }

    @Test
    void aCopyAfterTheRetentionPassesAgainOnceStreamTimeHasMovedOn() {
        start(EVENTS);

        // when A arrives, B moves stream time past A's retention, and A comes again
        raw.pipeInput(key("a"), utf8("a1"), T0);
        raw.pipeInput(key("b"), utf8("b1"), T0.plus(RETENTION).plusSeconds(1));
        raw.pipeInput(key("a"), utf8("a2"), T0.plus(RETENTION).plusSeconds(2));
        // and a copy within the retention of A's second first copy is a copy again
        raw.pipeInput(key("a"), utf8("a3"), T0.plus(RETENTION).plusSeconds(3));

        // then
        assertThat(values("unique")).as("first copies").containsExactly("a1", "b1", "a2");
        assertThat(values("duplicates")).as("later copies").containsExactly("a3");
    }

    @Test
    void withoutADuplicatesTopicLaterCopiesAreDroppedAndCounted() {
        start(DedupJob.byRecordKey("raw", "unique", RETENTION));

        raw.pipeInput(key("a"), utf8("a1"), T0);
        raw.pipeInput(key("a"), utf8("a2"), T0.plusSeconds(1));

        assertThat(values("unique")).as("first copies").containsExactly("a1");
        assertThat(metrics.decisions().duplicateCount()).as("copies counted").isEqualTo(1);
    }

    @Test
    void aRecordKeyOfAnyLengthIsTheKeyAndNeedsNoRepartition() {
        // given a topic keyed by order ids rather than 16-byte hashes
        Topology topology = start(DedupJob.byRecordKey("raw", "unique", RETENTION).withDuplicates("duplicates"));

        raw.pipeInput(utf8("order-1"), utf8("o1"), T0);
        raw.pipeInput(utf8("order-2"), utf8("o2"), T0);
        raw.pipeInput(utf8("order-1"), utf8("o1 again"), T0.plusSeconds(5));

        assertThat(values("unique")).as("first copies").containsExactly("o1", "o2");
        assertThat(values("duplicates")).as("later copies").containsExactly("o1 again");
        assertThat(topology.describe().toString()).as("topology keyed by the record key").doesNotContain("repartition");
    }

    @Test
    void keyFieldsAreReadFromPlainJsonAndFromTheRegistryWireFormatAlike() {
        // given a job keyed by the view-event fields, records keyed by anything (or nothing)
        Topology topology = start(new DedupJob("raw", "unique", java.util.Optional.of("duplicates"), java.util.Optional.empty(),
                VIEW_EVENT_KEY, RETENTION));

        // when the same event arrives as plain JSON, then in the wire format under another schema id and record
        // key, then with a different userId
        raw.pipeInput(null, utf8(VIEW.formatted("r1")), T0);
        raw.pipeInput(utf8("some-key"), wire(42, VIEW.formatted("r2")), T0.plusSeconds(1));
        raw.pipeInput(utf8("k3"), wire(7, VIEW.formatted("r3").replace("\"u1\"", "\"u2\"")), T0.plusSeconds(2));

        // then the first and the other user's event pass, each with the key and value it came with
        List<TestRecord<byte[], byte[]>> unique = output("unique").readRecordsToList();
        assertThat(unique).extracting(r -> r.key() == null ? null : text(r.key())).as("record keys")
                .containsExactly(null, "k3");
        assertThat(text(unique.get(0).value())).as("plain JSON unchanged").isEqualTo(VIEW.formatted("r1"));
        assertThat(unique.get(1).value()).as("wire format unchanged")
                .isEqualTo(wire(7, VIEW.formatted("r3").replace("\"u1\"", "\"u2\"")));
        // and the wire-format copy is a copy
        List<TestRecord<byte[], byte[]>> copies = output("duplicates").readRecordsToList();
        assertThat(copies).extracting(r -> text(r.key())).as("copy's key").containsExactly("some-key");
        assertThat(copies.get(0).value()).as("copy unchanged").isEqualTo(wire(42, VIEW.formatted("r2")));
        assertThat(topology.describe().toString()).as("keyed by fields: repartitioned by the key")
                .contains("by-dedup-key-repartition");
    }

    @Test
    void aRecordThatCannotBeKeyedGoesToTheDeadLetterTopicSayingWhyAndWhere() {
        // given a job with a dead-letter topic
        start(new DedupJob("raw", "unique", java.util.Optional.empty(), java.util.Optional.of("dead"), VIEW_EVENT_KEY,
                RETENTION));
        Headers original = new RecordHeaders().add("event-kind", utf8("view-event"));

        // when one event lacks sid, one is null-valued, one is not JSON, one is too short for the wire format
        raw.pipeInput(new TestRecord<>(utf8("k"), utf8(VIEW.formatted("r1").replace("\"sid\":\"s1\"", "\"sid\":null")),
                original, T0));
        raw.pipeInput(utf8("tombstone"), null, T0);
        raw.pipeInput(utf8("text"), utf8("not json"), T0);
        raw.pipeInput(utf8("short"), new byte[] {0, 0, 1}, T0);

        // then each is on the dead-letter topic unchanged, with the reason and its coordinates added
        List<TestRecord<byte[], byte[]>> dead = output("dead").readRecordsToList();
        assertThat(dead).extracting(r -> text(r.key())).as("dead letters")
                .containsExactly("k", "tombstone", "text", "short");
        assertThat(text(dead.get(0).headers().lastHeader("dedup.error").value())).as("why")
                .isEqualTo("key field 'sid' is missing (absent or null)");
        assertThat(dead.get(0).headers().lastHeader("event-kind")).as("original header kept").isNotNull();
        assertThat(text(dead.get(0).headers().lastHeader("dedup.error.topic").value())).as("topic").isEqualTo("raw");
        assertThat(text(dead.get(0).headers().lastHeader("dedup.error.offset").value())).as("offset").isEqualTo("0");
        assertThat(text(dead.get(1).headers().lastHeader("dedup.error").value())).as("tombstone").contains("null");
        assertThat(text(dead.get(2).headers().lastHeader("dedup.error").value())).as("not JSON").contains("not JSON");
        assertThat(text(dead.get(3).headers().lastHeader("dedup.error").value())).as("short").contains("5-byte header");
        assertThat(values("unique")).as("nothing passed unchecked").isEmpty();
        assertThat(metrics.unkeyableCount()).as("counted").isEqualTo(4);
    }

    @Test
    void withoutADeadLetterTopicARecordThatCannotBeKeyedStopsTheAppNamingIt() {
        // given the events pipeline's job, which has no dead-letter topic
        start(EVENTS);

        // when a record without a key arrives after a good one, then
        raw.pipeInput(key("a"), utf8("a1"), T0);
        assertThatThrownBy(() -> raw.pipeInput(null, utf8("no key"), T0))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("record raw-0@1 cannot be keyed: the record has no key")
                .hasStackTraceContaining("no dead-letter topic");
        assertThat(values("unique")).as("only the good record").containsExactly("a1");
        assertThat(metrics.unkeyableCount()).as("counted").isEqualTo(1);
    }

    private Topology start(DedupJob job) {
        StreamsBuilder builder = new StreamsBuilder();
        DedupTopology.build(builder, job, metrics);
        Topology topology = builder.build();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        dev.bazaar.dedup.BoundedRocksDb.apply(props);
        driver = new TopologyTestDriver(topology, props);
        raw = driver.createInputTopic(job.from(), new ByteArraySerializer(), new ByteArraySerializer());
        return topology;
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private List<String> values(String topic) {
        return output(topic).readValuesToList().stream().map(DedupTopologyTest::text).toList();
    }

    /** A 16-byte key as events-api makes them. */
    private static byte[] key(String name) {
        return DedupKey.ofRecordKey(utf8("event " + name));
    }

    private static byte[] wire(int schemaId, String json) {
        byte[] payload = utf8(json);
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(schemaId).put(payload).array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
