package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.connectors.retry.RecordingSleeper;
import dev.bazaar.connectors.retry.RetryPolicy;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * Batches against a table stand-in that behaves as PostgreSQL does with ON CONFLICT DO NOTHING: a
 * key already there is skipped, a bad row aborts the whole transaction, a lost connection commits
 * nothing.
 */
class BatchWriterTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final FakeTable table = new FakeTable();
    private int resets;
    private final BatchWriter writer = new BatchWriter(table::insert, () -> resets++,
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0, sleeper), "product_events");

    @Test
    void aBatchIsInsertedAndARedeliveryIsSkippedRowByRow() {
        // when ten rows are written, then the last five again with five new ones
        BatchWriter.Outcome first = writer.write(rows(0, 10));
        BatchWriter.Outcome again = writer.write(rows(5, 15));

        // then the table holds each key once, and the counts tell inserted from skipped
        assertThat(table.keys).as("keys in the table").hasSize(15);
        assertThat(first).as("first").isEqualTo(new BatchWriter.Outcome(10, 0, 0, List.of()));
        assertThat(again).as("redelivery").isEqualTo(new BatchWriter.Outcome(5, 5, 0, List.of()));
        assertThat(table.transactions).as("transactions").isEqualTo(2);
    }

    @Test
    void rowsTheTableRefusesAreFoundBySplittingAndEveryOtherRowIsWritten() {
        // given rows 3 and 11 of 16 that the table refuses for their data
        table.refused.addAll(Set.of(3, 11));

        // when
        BatchWriter.Outcome outcome = writer.write(rows(0, 16));

        // then both are rejected with the server's reason and the other 14 are in the table
        assertThat(outcome.rejections()).extracting(r -> r.row().record().kafkaOffset()).as("rejected offsets")
                .containsExactly(3L, 11L);
        assertThat(outcome.rejections().getFirst().reason()).as("reason")
                .isEqualTo("SQLSTATE 23502: ERROR: null value in column \"kind\"");
        assertThat(outcome.inserted()).as("inserted").isEqualTo(14);
        assertThat(table.keys).as("keys").hasSize(14).doesNotContain(3, 11);
        assertThat(sleeper.waits).as("no backoff for data errors").isEmpty();
    }

    @Test
    void aLostConnectionRetriesTheWholeBatchWithBackoffAndLosesOrDoublesNothing() {
        // given a connection that is lost twice: once before the commit, once after it (the answer lost)
        table.failures.add(new SQLException("I/O error", "08006"));
        table.lostAfterCommit = 1;

        // when
        BatchWriter.Outcome outcome = writer.write(rows(0, 8));

        // then the rows are there once; the retry after the lost answer found them there
        assertThat(table.keys).as("keys").hasSize(8);
        assertThat(outcome).as("outcome").isEqualTo(new BatchWriter.Outcome(0, 8, 0, List.of()));
        assertThat(resets).as("connections dropped").isEqualTo(2);
        assertThat(sleeper.waits).as("backoffs").containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void theTaskFailsWhenTheRetriesAreUsedUpOrOnAFailureNoRetryFixes() {
        for (int i = 0; i < 4; i++) {
            table.failures.add(new SQLException("connection refused", "08001"));
        }
        assertThatThrownBy(() -> writer.write(rows(0, 2))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("Giving up after 3 retries").hasMessageContaining("SQLSTATE 08001");

        table.failures.clear();
        table.failures.add(new SQLException("permission denied for table product_events", "42501"));
        assertThatThrownBy(() -> writer.write(rows(0, 2))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("Inserting into product_events failed: SQLSTATE 42501");
    }

    @Test
    void aDriverThatDoesNotCountRowsIsReportedAsUnknown() {
        table.noInfo = true;
        assertThat(writer.write(rows(0, 3))).isEqualTo(new BatchWriter.Outcome(0, 0, 3, List.of()));
    }

    private static List<Row> rows(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Row.of(new SinkRecord("product-events", 0, null, null, null,
                "{}", i), new Object[] {i})).toList();
    }

    /** A table keyed by the row's only value, which refuses some keys as bad data. */
    private static final class FakeTable {
        final Set<Object> keys = new HashSet<>();
        final Set<Integer> refused = new HashSet<>();
        final List<SQLException> failures = new ArrayList<>();
        int lostAfterCommit;
        int transactions;
        boolean noInfo;

        int[] insert(List<Row> rows) throws SQLException {
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
            Set<Object> added = new HashSet<>();
            int[] counts = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Object key = rows.get(i).values().getFirst();
                if (refused.contains((Integer) key)) {
                    BatchUpdateException failure = new BatchUpdateException("Batch entry " + i + " was aborted",
                            "23502", 0, new int[0], null);
                    failure.setNextException(new SQLException("ERROR: null value in column \"kind\"", "23502"));
                    throw failure;
                }
                counts[i] = keys.contains(key) || !added.add(key) ? 0 : noInfo ? java.sql.Statement.SUCCESS_NO_INFO : 1;
            }
            keys.addAll(added);
            transactions++;
            if (lostAfterCommit-- > 0) {
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            return counts;
        }
    }
}
