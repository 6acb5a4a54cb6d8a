package dev.bazaar.dedup.app;

import dev.bazaar.dedup.DedupMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What the generic app tells Prometheus beyond the Streams client's own metrics: first copies,
 * later copies and unkeyable records counted ({@code dedup_unique_total}, {@code dedup_duplicates_total},
 * {@code dedup_unkeyable_total}), and, read from the Streams metrics at each scrape, the store's
 * estimated keys and bytes on disk ({@code dedup_store_keys}, {@code dedup_store_bytes}) and the records of
 * the input not read yet ({@code dedup_lag_records}).
 */
public final class AppMetrics {

    public static final String PREFIX = "dedup";
    static final String STATE_METRICS = "stream-state-metrics";
    static final String FETCH_METRICS = "consumer-fetch-manager-metrics";

    private final DedupMetrics decisions = new DedupMetrics(PREFIX);
    private final AtomicLong unkeyable = new AtomicLong();

    /** The first and later copies, as the de-duplicating step counts them. */
    public DedupMetrics decisions() {
        return decisions;
    }

    void unkeyable() {
        unkeyable.incrementAndGet();
    }

    public long unkeyableCount() {
        return unkeyable.get();
    }

    /** Counter name to value. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>(decisions.counters());
        counters.put(PREFIX + "_unkeyable_total", unkeyable.get());
        return counters;
    }

    /**
     * Gauge name to value from the Streams client's {@code metrics}: the store {@code store}'s keys and SST
     * bytes summed over its tasks and segments, and the lag of {@code inputTopic} summed over its partitions.
     */
    public static Map<String, Double> gauges(Map<MetricName, ? extends Metric> metrics, String store, String inputTopic) {
        double keys = 0;
        double bytes = 0;
        double lag = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            double value = value(entry.getValue());
            if (Double.isNaN(value)) {
                continue;
            }
            if (name.group().equals(STATE_METRICS) && isStore(name, store)) {
                keys += name.name().equals("estimate-num-keys") ? value : 0;
                bytes += name.name().equals("total-sst-files-size") ? value : 0;
            } else if (name.group().equals(FETCH_METRICS) && name.name().equals("records-lag")
                    && inputTopic.equals(name.tags().get("topic")) && name.tags().containsKey("partition")) {
                lag += Math.max(0, value);
            }
        }
        Map<String, Double> gauges = new LinkedHashMap<>();
        gauges.put(PREFIX + "_store_keys", keys);
        gauges.put(PREFIX + "_store_bytes", bytes);
        gauges.put(PREFIX + "_lag_records", lag);
        return gauges;
    }

    private static boolean isStore(MetricName name, String store) {
        return name.tags().entrySet().stream()
                .anyMatch(tag -> tag.getKey().endsWith("-state-id") && tag.getValue().equals(store));
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number number && Double.isFinite(number.doubleValue())
                ? number.doubleValue() : Double.NaN;
    }
}
