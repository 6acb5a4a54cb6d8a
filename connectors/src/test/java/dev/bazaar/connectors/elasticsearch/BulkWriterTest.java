package dev.bazaar.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.connectors.retry.RecordingSleeper;
import dev.bazaar.connectors.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class BulkWriterTest {

    private static final int MAX_RETRIES = 3;
    private static final ItemResult REJECTED = ItemResult.failure(429, "es_rejected_execution_exception",
            "rejected execution of coordinating operation");
    private static final ItemResult UNPARSABLE = ItemResult.failure(400, "document_parsing_exception",
            "[1:30] failed to parse field [stock] of type [long]");

    private final CannedBulkClient client = new CannedBulkClient();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final BulkWriter writer = new BulkWriter(client,
            new RetryPolicy(MAX_RETRIES, Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0, sleeper));

    @Test
    void aBatchElasticsearchAcknowledgesIsOneRequestInRecordOrder() {
        // given
        List<PendingRecord> batch = batch(index("a"), index("b"), delete("c"));

        // when
        List<BulkWriter.Rejection> rejections = writer.write(batch);

        // then
        assertThat(rejections).as("rejections").isEmpty();
        assertThat(client.requestedIds()).as("requests").containsExactly(List.of("a", "b", "c"));
        assertThat(sleeper.waits).as("waits").isEmpty();
    }

    @Test
    void aRetryResendsTheFailedActionsAndEveryLaterActionOnTheSameDocumentInOrder() {
        // given: index a is rejected for now, the later delete of a and everything else land
        List<PendingRecord> batch = batch(index("a"), index("b"), delete("a"), index("c"));
        client.thenEach(action -> action.id().equals("a") && action instanceof DocumentAction.Index ? REJECTED
                : CannedBulkClient.acknowledge(action));

        // when
        List<BulkWriter.Rejection> rejections = writer.write(batch);

        // then: the delete of a is sent again after index a, so a stays deleted
        assertThat(rejections).as("rejections").isEmpty();
        assertThat(client.requests).as("requests").hasSize(2);
        assertThat(client.requests.get(1)).as("the retry")
                .containsExactly(batch.get(0).action(), batch.get(2).action());
        assertThat(sleeper.waits).as("waits").containsExactly(Duration.ofMillis(100));
    }

    @Test
    void aMalformedDocumentIsReturnedWithItsReasonAndNotRetried() {
        // given
        List<PendingRecord> batch = batch(index("a"), index("b"));
        client.then(actions -> List.of(ItemResult.success(201), UNPARSABLE));

        // when
        List<BulkWriter.Rejection> rejections = writer.write(batch);

        // then
        assertThat(rejections).as("rejections").singleElement().satisfies(rejection -> {
            assertThat(rejection.pending()).as("rejected record").isSameAs(batch.get(1));
            assertThat(rejection.reason()).as("reason").contains("document_parsing_exception")
                    .contains("failed to parse field [stock]");
        });
        assertThat(client.requests).as("requests").hasSize(1);
    }

    @Test
    void aDocumentResentBehindARetriedOneKeepsOnlyItsLastOutcome() {
        // given: a v1 rejected for now, a v2 malformed; on the retry both are malformed
        List<PendingRecord> batch = batch(index("a"), index("a"));
        client.then(actions -> List.of(REJECTED, UNPARSABLE)).then(actions -> List.of(UNPARSABLE, UNPARSABLE));

        // when
        List<BulkWriter.Rejection> rejections = writer.write(batch);

        // then
        assertThat(rejections).as("rejections, one per record").extracting(BulkWriter.Rejection::pending)
                .containsExactly(batch.get(0), batch.get(1));
        assertThat(client.requests).as("requests").hasSize(2);
    }

    @Test
    void aRetriableRequestFailureResendsTheWholeBatch() {
        // given
        List<PendingRecord> batch = batch(index("a"), delete("b"));
        client.thenFail(true);

        // when
        List<BulkWriter.Rejection> rejections = writer.write(batch);

        // then
        assertThat(rejections).as("rejections").isEmpty();
        assertThat(client.requestedIds()).as("requests").containsExactly(List.of("a", "b"), List.of("a", "b"));
        assertThat(sleeper.waits).as("waits").hasSize(1);
    }

    @Test
    void retriesRunOutAfterMaxRetriesNamingTheRecordAndReason() {
        // given
        List<PendingRecord> batch = batch(index("a"));
        IntStream.rangeClosed(0, MAX_RETRIES).forEach(i -> client.then(actions -> List.of(REJECTED)));

        // when / then
        assertThatThrownBy(() -> writer.write(batch))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("after " + MAX_RETRIES + " retries")
                .hasMessageContaining("filtered-items-0@0")
                .hasMessageContaining("es_rejected_execution_exception");
        assertThat(client.requests).as("requests").hasSize(MAX_RETRIES + 1);
        assertThat(sleeper.waits).as("waits").containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    @Test
    void aRequestFailureNoRetryCanFixFailsAtOnce() {
        // given
        client.thenFail(false);

        // when / then
        assertThatThrownBy(() -> writer.write(batch(index("a"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("canned failure");
        assertThat(sleeper.waits).as("waits").isEmpty();
    }

    @Test
    void aRefusalThatIsNotTheDocumentsFaultFailsNamingTheRecord() {
        // given
        client.then(actions -> List.of(ItemResult.failure(403, "security_exception", "action [indices:data/write]"
                + " is unauthorized")));

        // when / then
        assertThatThrownBy(() -> writer.write(batch(index("a"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("filtered-items-0@0")
                .hasMessageContaining("security_exception");
    }

    private static DocumentAction index(String id) {
        return new DocumentAction.Index("items", id,
                JsonSource.checked(("{\"productId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    private static DocumentAction delete(String id) {
        return new DocumentAction.Delete("items", id);
    }

    private static List<PendingRecord> batch(DocumentAction... actions) {
        return IntStream.range(0, actions.length).mapToObj(offset -> new PendingRecord(
                new SinkRecord("filtered-items", 0, Schema.STRING_SCHEMA, actions[offset].id(), null, null, offset),
                actions[offset], 0L)).toList();
    }
}
