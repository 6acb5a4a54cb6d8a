package dev.bazaar.connectors.elasticsearch;

import static dev.bazaar.connectors.elasticsearch.TestRecords.INDEX;
import static dev.bazaar.connectors.elasticsearch.TestRecords.TOPIC;
import static dev.bazaar.connectors.elasticsearch.TestRecords.config;
import static dev.bazaar.connectors.elasticsearch.TestRecords.item;
import static dev.bazaar.connectors.elasticsearch.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.connectors.retry.RecordingSleeper;
import dev.bazaar.connectors.sink.FakeSinkTaskContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkTaskTest {

    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final ItemResult UNPARSABLE = ItemResult.failure(400, "document_parsing_exception",
            "[1:30] failed to parse field [stock] of type [long] in document with id 'b'");

    private final CannedBulkClient client = new CannedBulkClient();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void bufferedRecordsAreWrittenByPreCommitWhichThenReturnsTheirOffsets() {
        // given
        ElasticsearchSinkTask task = start(false, ElasticsearchSinkConfig.BATCH_SIZE, "10");
        task.put(List.of(record(0, "a", item("a", 1)), record(1, "b", item("b", 2)), record(2, "c", item("c", 3))));
        assertThat(client.requests).as("requests before preCommit").isEmpty();

        // when
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(3)));

        // then
        assertThat(client.requestedIds()).as("requests").containsExactly(List.of("a", "b", "c"));
        assertThat(client.requests.getFirst()).as("index actions").allSatisfy(action ->
                assertThat(action).isInstanceOf(DocumentAction.Index.class).extracting(DocumentAction::index)
                        .isEqualTo(INDEX));
        assertThat(committable).as("committable offsets").containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void aFullBatchIsWrittenDuringPut() {
        // given
        ElasticsearchSinkTask task = start(false, ElasticsearchSinkConfig.BATCH_SIZE, "2");

        // when
        task.put(List.of(record(0, "a", item("a", 1)), record(1, "b", item("b", 1)), record(2, "c", item("c", 1)),
                record(3, "d", item("d", 1)), record(4, "e", item("e", 1))));

        // then
        assertThat(client.requestedIds()).as("requests during put").containsExactly(List.of("a", "b"),
                List.of("c", "d"));
        assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(5)))).as("committable offsets")
                .containsExactly(Map.entry(P0, new OffsetAndMetadata(5)));
        assertThat(client.requestedIds()).as("requests after preCommit").hasSize(3).last()
                .isEqualTo(List.of("e"));
    }

    @Test
    void aPartialBatchIsWrittenOnceItsOldestRecordHasLingered() {
        // given
        ElasticsearchSinkTask task = start(false, ElasticsearchSinkConfig.LINGER_MS, "100");
        task.put(List.of(record(0, "a", item("a", 1))));
        nanos.addAndGet(Duration.ofMillis(99).toNanos());
        task.put(List.of());
        assertThat(client.requests).as("requests before linger.ms").isEmpty();

        // when
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        task.put(List.of());

        // then
        assertThat(client.requestedIds()).as("requests").containsExactly(List.of("a"));
    }

    @Test
    void whileAPartialBatchLingersTheTaskShortensTheNextPollToTheLingerLeft() {
        // given
        FakeSinkTaskContext context = new FakeSinkTaskContext(false);
        ElasticsearchSinkTask task = start(context, ElasticsearchSinkConfig.LINGER_MS, "100");

        // when
        task.put(List.of(record(0, "a", item("a", 1))));
        nanos.addAndGet(Duration.ofMillis(40).toNanos());
        task.put(List.of(record(1, "b", item("b", 1))));
        nanos.addAndGet(Duration.ofMillis(60).toNanos());
        task.put(List.of());
        task.put(List.of());

        // then
        assertThat(context.timeouts).as("poll timeouts asked for (ms)").containsExactly(100L, 60L);
        assertThat(client.requestedIds()).as("requests").containsExactly(List.of("a", "b"));
    }

    @Test
    void whenAWriteFailsPreCommitReturnsOnlyAcknowledgedOffsetsAndTheNextPutFails() {
        // given: p0@0..2 acknowledged in a full batch; p0@3 and p1@0 buffered; then Elasticsearch is unreachable
        ElasticsearchSinkTask task = start(false, ElasticsearchSinkConfig.BATCH_SIZE, "3",
                ElasticsearchSinkConfig.MAX_RETRIES, "1");
        task.put(List.of(record(0, "a", item("a", 1)), record(1, "b", item("b", 1)), record(2, "c", item("c", 1))));
        task.put(List.of(record(3, "d", item("d", 1)), record(1, 0, "e", item("e", 1))));
        client.thenFail(true).thenFail(true);

        // when
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(4),
                P1, new OffsetAndMetadata(1)));

        // then
        assertThat(committable).as("committable offsets: up to the first unacknowledged record")
                .containsOnly(Map.entry(P0, new OffsetAndMetadata(3)), Map.entry(P1, new OffsetAndMetadata(0)));
        assertThat(sleeper.waits).as("backoffs").hasSize(1);
        assertThatThrownBy(() -> task.put(List.of())).as("the next put")
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Giving up after 1 retries");
    }

    @Test
    void aMalformedDocumentGoesToTheErrantRecordReporterAndTheRestFlows() {
        // given: a dead letter queue, and Elasticsearch cannot parse b
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        ElasticsearchSinkTask task = start(context);
        List<SinkRecord> records = List.of(record(0, "a", item("a", 1)), record(1, "b", item("b", 1)),
                record(2, "c", item("c", 1)));
        client.then(actions -> List.of(ItemResult.success(201), UNPARSABLE, ItemResult.success(201)));
        task.put(records);

        // when
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(3)));

        // then
        assertThat(context.reported).as("reported records").singleElement().satisfies(reported -> {
            assertThat(reported.record()).as("record").isSameAs(records.get(1));
            assertThat(reported.error()).as("error").hasMessageContaining("filtered-items-0@1")
                    .hasMessageContaining("document_parsing_exception").hasMessageContaining("index items");
        });
        assertThat(committable).as("committable offsets").containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void withoutAReporterAMalformedDocumentFailsTheTaskNamingRecordAndReason() {
        // given
        ElasticsearchSinkTask task = start(false);
        client.then(actions -> List.of(ItemResult.success(201), UNPARSABLE));
        task.put(List.of(record(0, "a", item("a", 1)), record(1, "b", item("b", 1))));

        // when
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(2)));

        // then
        assertThat(committable).as("committable offsets: the failed batch is not acknowledged")
                .containsExactly(Map.entry(P0, new OffsetAndMetadata(0)));
        assertThatThrownBy(() -> task.put(List.of()))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("filtered-items-0@1")
                .hasMessageContaining("document_parsing_exception");
    }

    @Test
    void withWarnAMalformedDocumentIsSkipped() {
        // given
        ElasticsearchSinkTask task = start(false, ElasticsearchSinkConfig.BEHAVIOR_ON_MALFORMED_DOCUMENTS, "warn");
        client.then(actions -> List.of(UNPARSABLE, ItemResult.success(201)));
        task.put(List.of(record(0, "a", item("a", 1)), record(1, "b", item("b", 1))));

        // when
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(2)));

        // then
        assertThat(committable).as("committable offsets").containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
        assertThat(client.requests).as("requests: no retry of a malformed document").hasSize(1);
    }

    @Test
    void aRecordWithoutAKeyIsReportedWithoutReachingElasticsearch() {
        // given
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        ElasticsearchSinkTask task = start(context);
        SinkRecord keyless = record(0, null, item("a", 1));

        // when
        task.put(List.of(keyless, record(1, "b", item("b", 1))));
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(2)));

        // then
        assertThat(context.reported).as("reported").extracting(FakeSinkTaskContext.Reported::record)
                .containsExactly(keyless);
        assertThat(client.requestedIds()).as("requests").containsExactly(List.of("b"));
        assertThat(committable).as("committable offsets").containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void aTombstoneDeletesAndADocumentThatIsNotThereIsFine() {
        // given
        ElasticsearchSinkTask task = start(false);
        client.then(actions -> List.of(ItemResult.success(404)));
        task.put(List.of(record(0, "gone", null)));

        // when
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(1)));

        // then
        assertThat(client.requests).as("requests").singleElement()
                .isEqualTo(List.of(new DocumentAction.Delete(INDEX, "gone")));
        assertThat(committable).as("committable offsets").containsExactly(Map.entry(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void closingPartitionsDropsTheirBufferedRecords() {
        // given
        ElasticsearchSinkTask task = start(false);
        task.put(List.of(record(0, 0, "a", item("a", 1)), record(1, 0, "b", item("b", 1))));

        // when
        task.close(List.of(P1));
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(P0, new OffsetAndMetadata(1)));

        // then
        assertThat(client.requestedIds()).as("requests").containsExactly(List.of("a"));
        assertThat(committable).as("committable offsets").containsExactly(Map.entry(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void openingPartitionsCreatesTheirIndexOnceWithTheItemMapping() {
        // given
        ElasticsearchSinkTask task = start(false);

        // when
        task.open(List.of(P0, P1));
        task.put(List.of(record(0, "a", item("a", 1))));
        task.preCommit(Map.of(P0, new OffsetAndMetadata(1)));

        // then
        assertThat(client.createdIndices).as("created indices").containsExactly(INDEX);
        assertThat(client.createMappings).as("mapping").containsExactly(IndexMappings.items());
    }

    @Test
    void withIndexCreateOffNoIndexIsCreated() {
        // given
        ElasticsearchSinkTask task = start(false, ElasticsearchSinkConfig.INDEX_CREATE, "false");

        // when
        task.open(List.of(P0));
        task.put(List.of(record(0, "a", item("a", 1))));
        task.preCommit(Map.of(P0, new OffsetAndMetadata(1)));

        // then
        assertThat(client.createdIndices).as("created indices").isEmpty();
    }

    @Test
    void stopClosesTheClient() {
        // given
        ElasticsearchSinkTask task = start(false);

        // when
        task.stop();

        // then
        assertThat(client.closed).as("client closed").isTrue();
    }

    private ElasticsearchSinkTask start(boolean withReporter, String... overrides) {
        return start(new FakeSinkTaskContext(withReporter), overrides);
    }

    private ElasticsearchSinkTask start(FakeSinkTaskContext context, String... overrides) {
        ElasticsearchSinkTask task = new ElasticsearchSinkTask(config -> client, sleeper, nanos::get);
        task.initialize(context);
        String[] settings = new String[overrides.length + 2];
        settings[0] = ElasticsearchSinkConfig.LINGER_MS;
        settings[1] = "60000";
        System.arraycopy(overrides, 0, settings, 2, overrides.length);
        task.start(config(settings));
        return task;
    }
}
