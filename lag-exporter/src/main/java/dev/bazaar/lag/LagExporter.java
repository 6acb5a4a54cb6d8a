package dev.bazaar.lag;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every cluster on one thread at a fixed interval and keeps the latest outcome of each for the
 * scrape; a cluster that does not answer is reported as a failed poll (its groups vanish from the scrape
 * rather than showing a stale lag) and polled again next time.
 */
final class LagExporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LagExporter.class);

    private final List<GroupLagPoller> pollers;
    private final Clock clock;
    private final Map<String, LagMetrics.Latest> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lag-poll");
        thread.setDaemon(true);
        return thread;
    });

    LagExporter(List<GroupLagPoller> pollers, Clock clock) {
        this.pollers = List.copyOf(pollers);
        this.clock = clock;
    }

    void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::pollAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls each cluster once. */
    void pollAll() {
        for (GroupLagPoller poller : pollers) {
            try {
                GroupLag lag = poller.poll();
                boolean first = !latest.containsKey(poller.cluster()) || !latest.get(poller.cluster()).succeeded();
                latest.put(poller.cluster(), new LagMetrics.Latest(poller.cluster(), lag, true, lag.at().toEpochMilli()));
                if (first) {
                    log.info("lag-exporter: polling {}: {} consumer groups", poller.cluster(), lag.groups().size());
                }
                log.trace("lag-exporter: {} polled: {}", poller.cluster(), lag);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LagMetrics.Latest before = latest.get(poller.cluster());
                if (before == null || before.succeeded()) {
                    log.warn("lag-exporter: {}", e.getMessage());
                }
                latest.put(poller.cluster(), new LagMetrics.Latest(poller.cluster(), null, false, clock.millis()));
            }
        }
    }

    /** The latest outcome of every cluster polled so far. */
    List<LagMetrics.Latest> latest() {
        List<LagMetrics.Latest> all = new ArrayList<>();
        for (GroupLagPoller poller : pollers) {
            LagMetrics.Latest one = latest.get(poller.cluster());
            if (one != null) {
                all.add(one);
            }
        }
        return all;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pollers.forEach(GroupLagPoller::close);
    }
}
