package dev.bazaar.connectors.jdbc;

import dev.bazaar.connectors.retry.RetryPolicy;
import dev.bazaar.connectors.retry.Sleeper;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts records into a PostgreSQL table, each put written and committed before it returns, so the
 * offsets Connect commits after it never pass a row that is not in the table (or a record that is
 * not with the errant record reporter).
 *
 * <p>Every INSERT says ON CONFLICT DO NOTHING: a record delivered again (after a crash, a rebalance,
 * a retried batch) finds its row there and is skipped, so with a unique key in the table a
 * redelivery never makes a second row, and the role needs INSERT only. A record that cannot be
 * converted goes to the errant record reporter without touching the database; a row PostgreSQL
 * refuses for its data is found by splitting its batch ({@link BatchWriter}) and goes there too.
 * A lost connection is retried with backoff, then fails the task; the table and its columns are
 * read when the task starts, which fails on a mapping the table does not fit.
 */
public final class JdbcSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(JdbcSinkTask.class);

    private final Function<JdbcSinkConfig, ConnectionFactory> connections;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;

    private JdbcSinkConfig config;
    private PostgresSession session;
    private RetryPolicy retryPolicy;
    private RowConverter converter;
    private BatchWriter writer;
    private ErrantRecords errant;
    private SinkCounters counters;

    /** The task Connect instantiates. */
    public JdbcSinkTask() {
        this(ConnectionFactory::of, Sleeper.THREAD, System::nanoTime);
    }

    /** A task over other connections, sleeper and clock, for tests. */
    JdbcSinkTask(Function<JdbcSinkConfig, ConnectionFactory> connections, Sleeper sleeper, LongSupplier nanoClock) {
        this.connections = connections;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
    }

    @Override
    public String version() {
        return JdbcSinkConnector.VERSION;
    }

    /**
     * Reads the table's columns and matches the mapping against them.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key of a bad setting, a missing
     *     table or column
     * @throws ConnectException when the database cannot be reached within the retries
     */
    @Override
    public void start(Map<String, String> props) {
        long started = nanoClock.getAsLong();
        config = new JdbcSinkConfig(props);
        session = new PostgresSession(connections.apply(config));
        retryPolicy = config.retryPolicy(sleeper);
        InsertPlan plan;
        try {
            plan = readPlan();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        converter = new RowConverter(plan, RecordView.newMapper());
        writer = new BatchWriter(rows -> session.insert(plan, rows), session::reset, retryPolicy,
                config.table().toString());
        Optional<ErrantRecordReporter> reporter = Optional.ofNullable(context.errantRecordReporter());
        errant = new ErrantRecords(reporter);
        counters = new SinkCounters(config.table().toString(), nanoClock);
        log.info("Started JDBC sink task into {} as {} in {} ms: {}, batch.size {}, errant records: {}",
                config.table(), config.connectionUser(), Duration.ofNanos(nanoClock.getAsLong() - started).toMillis(),
                config.columns(), config.batchSize(), reporter.isPresent() ? "errant record reporter" : "fail the task");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Future<Void>> reports = new ArrayList<>();
        List<Row> rows = convert(records, reports);
        for (int from = 0; from < rows.size(); from += config.batchSize()) {
            List<Row> batch = rows.subList(from, Math.min(rows.size(), from + config.batchSize()));
            write(batch, reports);
        }
        ErrantRecords.awaitAll(reports);
        counters.maybeLogSummary();
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
        if (counters != null) {
            log.info("Stopped JDBC sink task. {}", counters.summary());
        }
    }

    /** What the task did so far, for tests. */
    SinkCounters counters() {
        return counters;
    }

    private InsertPlan readPlan() {
        for (int retry = 1; ; retry++) {
            try {
                return InsertPlan.of(config.table(), config.columns(),
                        TableSchema.read(session.connection(), config.table()));
            } catch (SQLException e) {
                session.reset();
                if (SqlFailure.of(e) != SqlFailure.TRANSIENT) {
                    throw new ConnectException("Cannot read the columns of table " + config.table() + ": "
                            + SqlFailure.describe(e), e);
                }
                retryPolicy.awaitRetry(retry, "Reading the columns of table " + config.table() + " failed: "
                        + SqlFailure.describe(e), e);
            }
        }
    }

    private List<Row> convert(Collection<SinkRecord> records, List<Future<Void>> reports) {
        List<Row> rows = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            if (record.value() == null) {
                counters.tombstone();
                log.trace("Skipped the tombstone {}: an insert-only sink has nothing to delete",
                        ErrantRecords.coordinates(record));
                continue;
            }
            try {
                rows.add(converter.toRow(record));
            } catch (ConversionException e) {
                reports.add(errant.handle(record, e.getMessage()));
                counters.errant(1);
            }
        }
        return rows;
    }

    private void write(List<Row> batch, List<Future<Void>> reports) {
        long started = nanoClock.getAsLong();
        BatchWriter.Outcome outcome = writer.write(batch);
        counters.add(outcome);
        for (BatchWriter.Rejection rejection : outcome.rejections()) {
            reports.add(errant.handle(rejection.row().record(), "PostgreSQL refused the row: " + rejection.reason()));
            counters.errant(1);
        }
        log.debug("Wrote {} rows into {} in {} ms: {} inserted, {} skipped as already there, {} refused", batch.size(),
                config.table(), Duration.ofNanos(nanoClock.getAsLong() - started).toMillis(), outcome.inserted(),
                outcome.skipped(), outcome.rejections().size());
    }
}
