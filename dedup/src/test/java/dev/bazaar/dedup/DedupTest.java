package dev.bazaar.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The de-duplicating step in a topology, driven record by record with advancing stream time. */
class DedupTest {

    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path state;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> raw;
    private TestOutputTopic<String, String> unique;
    private TestOutputTopic<String, String> duplicates;
    private final DedupMetrics metrics = new DedupMetrics("dedup");

    @BeforeEach
    void givenATopologyThatDeduplicatesRawIntoUniqueAndDuplicates() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> input = builder.stream("raw", Consumed.with(Serdes.String(), Serdes.String()));
        Dedup.Result<String, String> result = Dedup.apply(builder, input, new DedupSettings("seen", RETENTION),
                DedupKey::fromHex, metrics);
        Produced<String, String> strings = Produced.with(Serdes.String(), Serdes.String());
        result.unique().to("unique", strings);
        result.duplicates().to("duplicates", strings);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        BoundedRocksDb.apply(props);
        driver = new TopologyTestDriver(builder.build(), props);
        raw = driver.createInputTopic("raw", new StringSerializer(), new StringSerializer());
        unique = driver.createOutputTopic("unique", new StringDeserializer(), new StringDeserializer());
        duplicates = driver.createOutputTopic("duplicates", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theFirstCopyPassesAndLaterCopiesWithinTheRetentionAreDropped() {
        // when three copies of A and one of B arrive over six days
        raw.pipeInput(A, "a1", T0);
        raw.pipeInput(B, "b1", T0.plusSeconds(1));
        raw.pipeInput(A, "a2", T0.plus(Duration.ofDays(3)));
        raw.pipeInput(A, "a3", T0.plus(Duration.ofDays(6)));

        // then A's first copy and B pass, the other two copies are duplicates, and the counts say so
        assertThat(unique.readValuesToList()).containsExactly("a1", "b1");
        assertThat(duplicates.readValuesToList()).containsExactly("a2", "a3");
        assertThat(metrics.counters()).containsEntry("dedup_unique_total", 2L).containsEntry("dedup_duplicates_total", 2L);
    }

    @Test
    void aCopyAfterTheRetentionPassesAgainAsStreamTimeMovesOn() {
        // when A arrives, B moves stream time past A's retention, and A comes again
        raw.pipeInput(A, "a1", T0);
        raw.pipeInput(B, "b1", T0.plus(RETENTION).plusSeconds(1));
        raw.pipeInput(A, "a2", T0.plus(RETENTION).plusSeconds(2));

        // then the late copy of A is a first copy again
        assertThat(unique.readValuesToList()).containsExactly("a1", "b1", "a2");
        assertThat(duplicates.readValuesToList()).isEmpty();
    }

    @Test
    void aCopyWithAnEarlierTimestampThanTheFirstIsStillACopy() {
        raw.pipeInput(A, "a-late-clock", T0.plus(Duration.ofHours(1)));
        raw.pipeInput(A, "a-early-clock", T0);
        assertThat(unique.readValuesToList()).containsExactly("a-late-clock");
        assertThat(duplicates.readValuesToList()).containsExactly("a-early-clock");
    }

    @Test
    void aRecordKeyThatIsNotADedupKeyFailsTheStepNamingIt() {
        assertThatThrownBy(() -> raw.pipeInput("nope", "x", T0)).hasStackTraceContaining("record key 'nope' is not a de-duplication key");
    }

    @Test
    void settingsRefuseAStoreNameThatCannotNameATopicAndANonPositiveRetention() {
        assertThatThrownBy(() -> new DedupSettings("seen events", RETENTION)).hasMessageContaining("must match");
        assertThatThrownBy(() -> new DedupSettings("seen", Duration.ZERO)).hasMessage("retention must be positive, was PT0S");
    }

    @Test
    void theStoreKeepsOnlyTheKeyAndTheTimeOfItsFirstCopy() {
        raw.pipeInput(A, "a payload of any size", T0);
        var store = driver.getWindowStore("seen");
        try (var windows = store.fetch(Bytes.wrap(DedupKey.fromHex(A)),
                T0.minusSeconds(1), T0.plusSeconds(1))) {
            List<byte[]> values = new ArrayList<>();
            windows.forEachRemaining(window -> values.add((byte[]) window.value));
            assertThat(values).singleElement().satisfies(value -> assertThat(value).isEmpty());
        }
    }
}
