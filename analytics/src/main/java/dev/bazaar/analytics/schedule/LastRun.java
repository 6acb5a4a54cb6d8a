package dev.bazaar.analytics.schedule;

import dev.bazaar.analytics.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a scheduled run ended: its times, its outcome ({@code succeeded} or {@code failed}), the exit
 * code of its JVM, the error of a failed run and the counts the run reported (null when it could not).
 */
public record LastRun(String startedAt, String finishedAt, double seconds, String outcome, Integer exitCode,
        String error, RunSummary summary) {

    public boolean succeeded() {
        return RunSummary.SUCCEEDED.equals(outcome);
    }

    public static LastRun succeeded(Instant startedAt, Instant finishedAt, int exitCode, RunSummary summary) {
        return new LastRun(time(startedAt), time(finishedAt), seconds(startedAt, finishedAt), RunSummary.SUCCEEDED,
                exitCode, null, summary);
    }

    public static LastRun failed(Instant startedAt, Instant finishedAt, Integer exitCode, String error,
            RunSummary summary) {
        return new LastRun(time(startedAt), time(finishedAt), seconds(startedAt, finishedAt), RunSummary.FAILED,
                exitCode, error, summary);
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
