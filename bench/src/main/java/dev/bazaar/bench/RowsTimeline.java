package dev.bazaar.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The rows of {@code product_events} over time: {@code SELECT count(*)} every {@value #EVERY_MILLIS} ms on
 * one connection of a read-only role, in a thread of its own, each count kept with the time it was taken.
 */
final class RowsTimeline implements AutoCloseable {

    static final long EVERY_MILLIS = 1_000;
    private static final String COUNT = "SELECT count(*) FROM product_events";

    private final Connection connection;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rows-timeline");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new ArrayList<>();
    private volatile SQLException failure;

    private RowsTimeline(Connection connection) {
        this.connection = connection;
    }

    /** Starts counting on {@code connection}, which it closes when closed. */
    static RowsTimeline start(Connection connection) {
        RowsTimeline timeline = new RowsTimeline(connection);
        timeline.poller.scheduleWithFixedDelay(timeline::sample, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        return timeline;
    }

    private void sample() {
        long asked = System.nanoTime(); // the count is of the snapshot the query starts with
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(COUNT)) {
            rows.next();
            Sample sample = new Sample(asked, rows.getLong(1));
            synchronized (samples) {
                samples.add(sample);
                samples.notifyAll();
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    /** The latest count. */
    Sample latest() throws InterruptedException {
        synchronized (samples) {
            while (samples.isEmpty()) {
                checkFailure();
                samples.wait(EVERY_MILLIS);
            }
            return samples.getLast();
        }
    }

    /**
     * Waits until the table holds {@code target} rows; the moment it got there (interpolated between the
     * counts before and at it), or empty when the count did not grow for {@code stall} or went past it.
     */
    Optional<Long> awaitRows(long target, Duration stall) throws InterruptedException {
        Sample progress = latest();
        while (true) {
            Sample last = latest();
            if (last.rows() >= target) {
                return last.rows() == target ? Optional.of(reachedAt(target)) : Optional.empty();
            }
            if (last.rows() > progress.rows()) {
                progress = last;
            } else if (last.nanos() - progress.nanos() > stall.toNanos()) {
                return Optional.empty();
            }
            synchronized (samples) {
                samples.wait(EVERY_MILLIS * 2);
            }
            checkFailure();
        }
    }

    /** Waits until the count has not changed for {@code settled}. */
    void awaitSettled(Duration settled) throws InterruptedException {
        while (true) {
            synchronized (samples) {
                if (!samples.isEmpty()) {
                    Sample last = samples.getLast();
                    long changed = samples.getFirst().nanos();
                    for (Sample sample : samples) {
                        if (sample.rows() != last.rows()) {
                            changed = sample.nanos();
                        }
                    }
                    if (last.nanos() - changed >= settled.toNanos()) {
                        return;
                    }
                }
                samples.wait(EVERY_MILLIS * 2);
            }
            checkFailure();
        }
    }

    /** The count at {@code nanos} (the latest taken at or before it). */
    long rowsAt(long nanos) {
        synchronized (samples) {
            long rows = 0;
            for (Sample sample : samples) {
                if (sample.nanos() > nanos) {
                    break;
                }
                rows = sample.rows();
            }
            return rows;
        }
    }

    private long reachedAt(long target) {
        synchronized (samples) {
            Sample before = samples.getFirst();
            for (Sample sample : samples) {
                if (sample.rows() >= target) {
                    double share = sample.rows() == before.rows() ? 1
                            : (double) (target - before.rows()) / (sample.rows() - before.rows());
                    return before.nanos() + (long) (share * (sample.nanos() - before.nanos()));
                }
                before = sample;
            }
            throw new IllegalStateException("no count reached " + target);
        }
    }

    private void checkFailure() {
        if (failure != null) {
            throw new IllegalStateException("cannot count the rows of product_events: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws SQLException {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }

    /** One count and when it was taken ({@link System#nanoTime()}). */
    record Sample(long nanos, long rows) {
    }
}
