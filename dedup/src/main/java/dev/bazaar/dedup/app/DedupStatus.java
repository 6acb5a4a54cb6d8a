package dev.bazaar.dedup.app;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** What a running de-duplicating app shows over HTTP: its Streams state and its metrics. */
interface DedupStatus {

    KafkaStreams.State state();

    /** Whether the Streams client has been {@code RUNNING} at least once since it started. */
    boolean hasRun();

    Map<String, Long> counters();

    Map<String, Double> gauges();

    /** The Kafka clients' own metrics. */
    Map<MetricName, ? extends Metric> clientMetrics();
}
