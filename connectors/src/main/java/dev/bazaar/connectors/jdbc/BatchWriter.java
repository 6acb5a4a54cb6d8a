package dev.bazaar.connectors.jdbc;

import dev.bazaar.connectors.retry.RetryPolicy;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of rows, retrying it whole with backoff after a transient failure, and finding the
 * rows the table refuses by splitting: when PostgreSQL rejects the batch for a row's data (SQLSTATE
 * class 22 or 23), each half is written on its own, down to the single rows that fail, which are
 * returned as rejections while every other row is written.
 *
 * <p>Safe to repeat because every INSERT says ON CONFLICT DO NOTHING: a half that was committed
 * before a retry, or a batch whose commit was acknowledged to a connection that then died, is
 * skipped the second time and never makes a second row.
 */
final class BatchWriter {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    /** Inserts rows in one transaction, returning the driver's update count per row. */
    @FunctionalInterface
    interface Inserter {
        int[] insert(List<Row> rows) throws SQLException;
    }

    /** A row the table refused for its data, with PostgreSQL's reason. */
    record Rejection(Row row, String reason) {
    }

    /** What became of a batch: rows inserted, rows skipped as already there, rows whose fate the driver did not tell. */
    record Outcome(long inserted, long skipped, long unknown, List<Rejection> rejections) {

        Outcome {
            rejections = List.copyOf(rejections);
        }

        static Outcome rejected(Row row, String reason) {
            return new Outcome(0, 0, 0, List.of(new Rejection(row, reason)));
        }

        Outcome plus(Outcome other) {
            List<Rejection> all = new ArrayList<>(rejections);
            all.addAll(other.rejections);
            return new Outcome(inserted + other.inserted, skipped + other.skipped, unknown + other.unknown, all);
        }
    }

    /** A transient failure on the way out of the splitting, to retry the whole batch. */
    private static final class TransientFailure extends Exception {

        private static final long serialVersionUID = 1L;

        TransientFailure(SQLException cause) {
            super(cause);
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }

    private final Inserter inserter;
    private final Runnable reset;
    private final RetryPolicy retryPolicy;
    private final String target;

    /**
     * @param reset drops the connection after a transient failure
     * @param target the table, for messages
     */
    BatchWriter(Inserter inserter, Runnable reset, RetryPolicy retryPolicy, String target) {
        this.inserter = inserter;
        this.reset = reset;
        this.retryPolicy = retryPolicy;
        this.target = target;
    }

    /**
     * Writes {@code rows}; returns what became of them.
     *
     * @throws ConnectException when the retries are used up, or on a failure no retry fixes
     */
    Outcome write(List<Row> rows) {
        for (int retry = 1; ; retry++) {
            try {
                return writeSplitting(rows);
            } catch (TransientFailure e) {
                reset.run();
                retryPolicy.awaitRetry(retry, "Inserting " + rows.size() + " rows into " + target + " failed: "
                        + SqlFailure.describe(e.sqlCause()), e.sqlCause());
            }
        }
    }

    private Outcome writeSplitting(List<Row> rows) throws TransientFailure {
        int[] counts;
        try {
            counts = inserter.insert(rows);
        } catch (SQLException e) {
            return switch (SqlFailure.of(e)) {
                case TRANSIENT -> throw new TransientFailure(e);
                case FATAL -> throw new ConnectException("Inserting into " + target + " failed: "
                        + SqlFailure.describe(e), e);
                case DATA -> split(rows, e);
            };
        }
        return counted(rows, counts);
    }

    private Outcome split(List<Row> rows, SQLException failure) throws TransientFailure {
        if (rows.size() == 1) {
            return Outcome.rejected(rows.getFirst(), SqlFailure.describe(failure));
        }
        log.debug("{} refused a batch of {} rows for a row's data ({}); writing its halves apart", target, rows.size(),
                SqlFailure.describe(failure));
        int half = rows.size() / 2;
        return writeSplitting(rows.subList(0, half)).plus(writeSplitting(rows.subList(half, rows.size())));
    }

    private static Outcome counted(List<Row> rows, int[] counts) {
        long inserted = 0;
        long skipped = 0;
        long unknown = 0;
        for (int i = 0; i < rows.size(); i++) {
            int count = counts.length == rows.size() ? counts[i] : Statement.SUCCESS_NO_INFO;
            if (count == Statement.SUCCESS_NO_INFO) {
                unknown++;
            } else if (count > 0) {
                inserted++;
            } else {
                skipped++;
            }
            if (log.isTraceEnabled()) {
                log.trace("{} {}", count > 0 ? "Inserted" : count == 0 ? "Skipped (already there)" : "Wrote",
                        ErrantRecords.coordinates(rows.get(i).record()));
            }
        }
        return new Outcome(inserted, skipped, unknown, List.of());
    }
}
