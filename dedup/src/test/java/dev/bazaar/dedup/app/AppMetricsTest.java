package dev.bazaar.dedup.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Gauge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app's gauges, read from the Streams client's metrics as Kafka Streams names them. */
class AppMetricsTest {

    private final Metrics metrics = new Metrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void theStoreIsSummedOverTasksAndSegmentsAndTheLagOverTheInputsPartitionsOnly() {
        // given two tasks' stores, another store, two partitions of the input and a changelog's restore lag
        gauge("estimate-num-keys", "stream-state-metrics", Map.of("task-id", "0_0", "rocksdb-window-state-id", "seen-keys"), 10);
        gauge("estimate-num-keys", "stream-state-metrics", Map.of("task-id", "0_1", "rocksdb-window-state-id", "seen-keys"), 5);
        gauge("estimate-num-keys", "stream-state-metrics", Map.of("task-id", "0_1", "rocksdb-state-id", "other"), 99);
        gauge("total-sst-files-size", "stream-state-metrics", Map.of("task-id", "0_1", "rocksdb-window-state-id", "seen-keys"), 2048);
        gauge("records-lag", "consumer-fetch-manager-metrics", Map.of("topic", "raw", "partition", "0"), 4);
        gauge("records-lag", "consumer-fetch-manager-metrics", Map.of("topic", "raw", "partition", "1"), 6);
        gauge("records-lag", "consumer-fetch-manager-metrics", Map.of("topic", "app-seen-keys-changelog", "partition", "0"), 100);

        // when
        Map<String, Double> gauges = AppMetrics.gauges(metrics.metrics(), "seen-keys", "raw");

        // then
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("dedup_store_keys", 15.0);
        expected.put("dedup_store_bytes", 2048.0);
        expected.put("dedup_lag_records", 10.0);
        assertThat(gauges).as("gauges").containsExactlyEntriesOf(expected);
    }

    @Test
    void theCountersAreTheDecisionsAndTheUnkeyableRecords() {
        AppMetrics app = new AppMetrics();
        app.decisions().unique();
        app.decisions().duplicate();
        app.unkeyable();

        assertThat(app.counters()).as("counters").containsExactly(Map.entry("dedup_unique_total", 1L),
                Map.entry("dedup_duplicates_total", 1L), Map.entry("dedup_unkeyable_total", 1L));
    }

    private void gauge(String name, String group, Map<String, String> tags, double value) {
        MetricName metricName = metrics.metricName(name, group, tags);
        metrics.addMetric(metricName, (Gauge<Double>) (config, now) -> value);
    }
}
