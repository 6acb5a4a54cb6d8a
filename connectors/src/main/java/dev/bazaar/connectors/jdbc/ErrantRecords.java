package dev.bazaar.connectors.jdbc;

import dev.bazaar.connectors.sink.ErrantReports;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Future;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with records that cannot become rows. When Connect gives the task an errant record reporter
 * (the connector has a dead letter queue or errors.log.enable=true), each goes to it, and Connect's
 * errors.tolerance decides between the dead letter topic (with the reason in its context headers)
 * and failing the task; without one, the task fails naming the record and the column.
 */
final class ErrantRecords {

    private static final Logger log = LoggerFactory.getLogger(ErrantRecords.class);

    private final Optional<ErrantRecordReporter> reporter;
    private long count;

    ErrantRecords(Optional<ErrantRecordReporter> reporter) {
        this.reporter = reporter;
    }

    /** {@code topic-partition@offset} of a record, for messages. */
    static String coordinates(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }

    /**
     * Reports {@code record}, or fails.
     *
     * @return the pending report
     * @throws ConnectException when there is no reporter
     */
    Future<Void> handle(SinkRecord record, String reason) {
        count++;
        String message = "Record " + coordinates(record) + " cannot be inserted: " + reason;
        if (reporter.isEmpty()) {
            throw new ConnectException(message + " (no dead letter queue: set errors.tolerance=all and "
                    + "errors.deadletterqueue.topic.name to route such records there)");
        }
        log.debug("{}; handing it to the errant record reporter", message);
        return reporter.get().report(record, new DataException(message));
    }

    /** How many records this task could not insert. */
    long count() {
        return count;
    }

    /**
     * Waits until the reporter has written {@code reports}, so that an offset committed after put
     * never passes a record that is neither in the table nor in the dead letter topic.
     */
    static void awaitAll(Collection<Future<Void>> reports) {
        ErrantReports.awaitAll(reports, "an errant record");
    }
}
