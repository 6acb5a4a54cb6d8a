package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ErrantRecordsTest {

    private static final SinkRecord RECORD = new SinkRecord("product-events", 4, null, null, null, "{}", 17L);
    private static final String REASON = "column event_name (text) from event_name: the column is NOT NULL, and it is not present";

    @Test
    void withAReporterTheRecordGoesToItWithTheReason() {
        // given
        List<Throwable> reported = new ArrayList<>();
        ErrantRecordReporter reporter = (record, error) -> {
            reported.add(error);
            return CompletableFuture.completedFuture(null);
        };
        ErrantRecords errant = new ErrantRecords(Optional.of(reporter));

        // when
        ErrantRecords.awaitAll(List.of(errant.handle(RECORD, REASON)));

        // then
        assertThat(reported).singleElement().isInstanceOf(DataException.class).extracting(Throwable::getMessage)
                .isEqualTo("Record product-events-4@17 cannot be inserted: " + REASON);
        assertThat(errant.count()).as("count").isEqualTo(1);
    }

    @Test
    void withoutAReporterTheTaskFailsNamingTopicPartitionOffsetAndColumn() {
        assertThatThrownBy(() -> new ErrantRecords(Optional.empty()).handle(RECORD, REASON))
                .isInstanceOf(ConnectException.class).hasMessageContaining("product-events-4@17")
                .hasMessageContaining("column event_name").hasMessageContaining("errors.deadletterqueue.topic.name");
    }

    @Test
    void aReportThatFailsFailsTheTask() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IllegalStateException("DLQ unavailable"));
        assertThatThrownBy(() -> ErrantRecords.awaitAll(List.of(failed))).isInstanceOf(ConnectException.class)
                .hasRootCauseMessage("DLQ unavailable");
    }
}
