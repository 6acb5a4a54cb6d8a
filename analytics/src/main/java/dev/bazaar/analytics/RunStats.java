package dev.bazaar.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The counts of a run while it goes, so a run that fails half way still reports what it did. */
final class RunStats {

    final Instant startedAt;
    String orders = "";
    long files;
    long lines;
    long invalidLines;
    long ordersRead;
    long cancelled;
    long periodOrders;
    long customers;
    long products;
    long catalogProducts;
    long recommendationsPublished;
    long reportsPublished;
    String reportId;

    RunStats(Instant startedAt) {
        this.startedAt = startedAt;
    }

    RunSummary summary(Instant finishedAt, String error) {
        double seconds = Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        return new RunSummary(error == null ? RunSummary.SUCCEEDED : RunSummary.FAILED, time(startedAt),
                time(finishedAt), seconds, orders, files, lines, invalidLines, ordersRead, cancelled, periodOrders,
                customers, products, catalogProducts, recommendationsPublished, reportsPublished, reportId, error);
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
