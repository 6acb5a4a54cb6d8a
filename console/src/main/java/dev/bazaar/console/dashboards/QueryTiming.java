package dev.bazaar.console.dashboards;

import java.time.Duration;
import java.time.Instant;

/**
 * The time parameters of one panel query, computed as Grafana computes them for Prometheus so a panel
 * drawn by the console shows what Grafana shows:
 * <ul>
 *   <li>{@code interval}: the browser's {@code $__interval} basis, the range divided by the panel's max data
 *       points rounded to Grafana's ladder of nice intervals, and at least the scrape interval (the
 *       datasource's {@code timeInterval});</li>
 *   <li>{@code step}: the backend's final step, the range divided by max data points (at least
 *       {@code interval}, else rounded), and at least the range divided by 11 000 rounded ("safe
 *       resolution"); {@code $__interval} and {@code $__interval_ms} are this step;</li>
 *   <li>{@code rateInterval}: {@code $__rate_interval} = max(interval + scrape interval, 4 × scrape interval).</li>
 * </ul>
 */
public record QueryTiming(Instant from, Instant to, Duration interval, Duration step, Duration rateInterval) {

    /** At most this many points per series, whatever the panel asks (Grafana's {@code safeResolution}). */
    public static final int SAFE_RESOLUTION = 11_000;

    /**
     * @param maxDataPoints  points wanted across the range: the panel's width in pixels in Grafana
     * @param scrapeInterval Prometheus' scrape interval (Grafana's default when unset is 15s)
     * @throws IllegalArgumentException when the range is empty or reversed, or a count or interval is not positive
     */
    public static QueryTiming of(Instant from, Instant to, int maxDataPoints, Duration scrapeInterval) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("range end " + to + " is not after its start " + from);
        }
        if (maxDataPoints <= 0) {
            throw new IllegalArgumentException("max data points must be positive, not " + maxDataPoints);
        }
        if (scrapeInterval.isNegative() || scrapeInterval.isZero()) {
            throw new IllegalArgumentException("scrape interval must be positive, not " + scrapeInterval);
        }
        Duration range = Duration.between(from, to);
        Duration interval = max(GrafanaIntervals.roundAsFrontend((double) range.toMillis() / maxDataPoints),
                scrapeInterval);
        Duration raw = range.dividedBy(maxDataPoints);
        Duration calculated = raw.compareTo(interval) < 0 ? interval : GrafanaIntervals.roundAsBackend(raw);
        Duration safe = GrafanaIntervals.roundAsBackend(range.dividedBy(SAFE_RESOLUTION));
        Duration rateInterval = max(interval.plus(scrapeInterval), scrapeInterval.multipliedBy(4));
        return new QueryTiming(from, to, interval, max(calculated, safe), rateInterval);
    }

    public Duration range() {
        return Duration.between(from, to);
    }

    /** The {@code step} parameter of Prometheus' {@code query_range}, in seconds. */
    public String stepSeconds() {
        return GrafanaIntervals.seconds(step);
    }

    /** The range start Grafana sends: rounded down to a multiple of the step (UTC), for Prometheus' caching. */
    public Instant alignedStart() {
        return align(from);
    }

    /** The range end Grafana sends, rounded down to a multiple of the step like the start. */
    public Instant alignedEnd() {
        return align(to);
    }

    private Instant align(Instant instant) {
        long stepMillis = step.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), stepMillis) * stepMillis);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
