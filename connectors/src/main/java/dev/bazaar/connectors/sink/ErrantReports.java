package dev.bazaar.connectors.sink;

import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.connect.errors.ConnectException;

/** Waits for what a task handed Connect's errant record reporter. */
public final class ErrantReports {

    private ErrantReports() {
    }

    /**
     * Waits until the reporter has written {@code reports}, so that an offset committed afterwards never
     * passes a record that is neither written nor in the dead letter topic.
     *
     * @param what what was reported, for the error ({@code "an errant record"})
     * @throws ConnectException when a report failed or the wait was interrupted
     */
    public static void awaitAll(Collection<Future<Void>> reports, String what) {
        for (Future<Void> report : reports) {
            try {
                report.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while reporting " + what, e);
            } catch (ExecutionException e) {
                throw new ConnectException("Could not report " + what + " to the errant record reporter",
                        e.getCause());
            }
        }
    }
}
