package dev.bazaar.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The /prometheus text of a Streams app: its own counters and gauges, then its clients' metrics by family. */
class PrometheusTextTest {

    private final Metrics clientMetrics = new Metrics();

    @AfterEach
    void closeTheMetrics() {
        clientMetrics.close();
    }

    @Test
    void countersAndGaugesAreTypedInTheirOrder() {
        // given
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("app_in_total", 5L);
        counters.put("app_out_total", 4L);

        // when
        String text = PrometheusText.render(counters, Map.of("app_lag_records", 3.0), Map.of());

        // then
        assertThat(text).as("text").isEqualTo("# TYPE app_in_total counter\napp_in_total 5\n"
                + "# TYPE app_out_total counter\napp_out_total 4\n"
                + "# TYPE app_lag_records gauge\napp_lag_records 3.0\n");
    }

    @Test
    void clientMetricsAreGroupedByFamilyWithSortedEscapedLabels() {
        // given two families, interleaved, one metric without tags and one that is not a finite number
        gauge("records-lag", "consumer-fetch-manager-metrics", Map.of("topic", "raw", "partition", "1"), 2.0);
        gauge("commit-rate", "stream-thread-metrics", Map.of("thread-id", "t\"1"), 0.5);
        gauge("records-lag", "consumer-fetch-manager-metrics", Map.of("topic", "raw", "partition", "0"), 7.0);
        gauge("uptime", "app-info", Map.of(), 9.0);
        gauge("records-lag-max", "consumer-fetch-manager-metrics", Map.of(), Double.NaN);

        // when
        String text = PrometheusText.render(Map.of(), Map.of(), clientMetrics.metrics());

        // then
        assertThat(text).as("text").contains("kafka_streams_app_info_uptime 9.0\n",
                "kafka_streams_stream_thread_metrics_commit_rate{thread_id=\"t\\\"1\"} 0.5\n")
                .containsSubsequence("kafka_streams_app_info_uptime",
                        "kafka_streams_consumer_fetch_manager_metrics_records_lag{",
                        "kafka_streams_consumer_fetch_manager_metrics_records_lag{",
                        "kafka_streams_stream_thread_metrics_commit_rate")
                .contains("records_lag{partition=\"0\",topic=\"raw\"} 7.0\n")
                .doesNotContain("records_lag_max");
    }

    @Test
    void aFamilyNameIsLowerCaseWithUnderscores() {
        MetricName name = new MetricName("Records-Lag.Max", "consumer-fetch-manager-metrics", "", Map.of());

        assertThat(PrometheusText.familyName(name)).as("family")
                .isEqualTo("kafka_streams_consumer_fetch_manager_metrics_records_lag_max");
    }

    private void gauge(String name, String group, Map<String, String> tags, double value) {
        clientMetrics.addMetric(clientMetrics.metricName(name, group, tags), (Gauge<Double>) (config, now) -> value);
    }
}
