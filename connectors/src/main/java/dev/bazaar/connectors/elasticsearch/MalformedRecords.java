package dev.bazaar.connectors.elasticsearch;

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
 * Deals with records that cannot become documents. When Connect gives the task an errant record
 * reporter (the connector has a dead letter queue or errors.log.enable=true) every such record is
 * handed to it, and Connect's errors.tolerance decides between the dead letter topic and failing
 * the task; without one, {@code behavior.on.malformed.documents} decides.
 */
final class MalformedRecords {

    private static final Logger log = LoggerFactory.getLogger(MalformedRecords.class);

    private final MalformedDocumentBehavior behavior;
    private final Optional<ErrantRecordReporter> reporter;
    private long count;

    MalformedRecords(MalformedDocumentBehavior behavior, Optional<ErrantRecordReporter> reporter) {
        this.behavior = behavior;
        this.reporter = reporter;
    }

    /**
     * Reports, logs or fails on {@code record}.
     *
     * @return the pending report when the record went to the errant record reporter
     * @throws ConnectException when the record must stop the task
     */
    Optional<Future<Void>> handle(SinkRecord record, String reason) {
        count++;
        String message = "Malformed record " + Records.coordinates(record) + ": " + reason;
        if (reporter.isPresent()) {
            log.debug("{}; handing it to the errant record reporter", message);
            return Optional.of(reporter.get().report(record, new DataException(message)));
        }
        switch (behavior) {
            case FAIL -> throw new ConnectException(message + " ("
                    + ElasticsearchSinkConfig.BEHAVIOR_ON_MALFORMED_DOCUMENTS + "=" + behavior
                    + ", and no dead letter queue)");
            case WARN -> log.warn("{}; skipped", message);
            case IGNORE -> log.debug("{}; skipped", message);
        }
        return Optional.empty();
    }

    /** How many malformed records this task has met. */
    long count() {
        return count;
    }

    /**
     * Waits until the errant record reporter has written {@code reports}, so that offsets committed
     * afterwards never pass a record that is neither indexed nor in the dead letter topic.
     */
    static void awaitAll(Collection<Future<Void>> reports) {
        ErrantReports.awaitAll(reports, "a malformed record");
    }
}
