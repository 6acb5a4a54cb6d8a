package dev.bazaar.console.dashboards;

import java.time.Instant;

/**
 * A dashboard's default time range as Grafana stores it ({@code time.from}, {@code time.to}, e.g.
 * {@code now-30m} and {@code now}), kept as text because it is relative to when the page is drawn.
 */
public record TimeWindow(String from, String to) {

    /** Grafana's range for a dashboard that sets none. */
    public static final TimeWindow GRAFANA_DEFAULT = new TimeWindow("now-6h", "now");

    public Instant start(Instant now) {
        return RelativeTime.resolve(from, now);
    }

    public Instant end(Instant now) {
        return RelativeTime.resolve(to, now);
    }
}
