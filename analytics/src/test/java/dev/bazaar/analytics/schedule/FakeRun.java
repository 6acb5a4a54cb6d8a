package dev.bazaar.analytics.schedule;

import dev.bazaar.analytics.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for {@code AnalyticsCli run} in a child JVM: {@code succeed FILE} writes a successful
 * summary and exits 0, {@code fail FILE} a failed one and exits 1, {@code crash} exits 3 without a
 * summary, {@code hang} never finishes.
 */
public final class FakeRun {

    private FakeRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        switch (args[0]) {
            case "succeed" -> {
                summary("succeeded", null).write(Path.of(args[1]));
                System.out.println("analytics: done");
            }
            case "fail" -> {
                summary("failed", "Kafka at 127.0.0.1:26592 did not answer within 60 s").write(Path.of(args[1]));
                System.exit(1);
            }
            case "crash" -> System.exit(3);
            default -> new CountDownLatch(1).await();
        }
    }

    private static RunSummary summary(String outcome, String error) {
        return new RunSummary(outcome, "2026-11-23T12:05:00Z", "2026-11-23T12:05:14Z", 14.0, "hdfs://x/data/orders", 3,
                30, 1, 25, 2, 20, 5, 12, 600, outcome.equals("failed") ? 0 : 5, outcome.equals("failed") ? 0 : 1,
                null, error);
    }
}
