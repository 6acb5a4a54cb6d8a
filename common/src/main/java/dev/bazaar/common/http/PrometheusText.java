package dev.bazaar.common.http;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The Prometheus text format (0.0.4) of a Kafka Streams app's counters and gauges and of every numeric
 * metric of its Kafka clients ({@code kafka_streams_<group>_<name>} with the metric's tags as labels, sorted),
 * each family's lines together as the format requires; for the {@code /prometheus} route of a
 * {@link SecureHttpServer}.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4";

    private PrometheusText() {
    }

    /** The text of {@code counters} and {@code gauges} (name to value, in their order), then the client metrics. */
    public static String render(Map<String, Long> counters, Map<String, Double> gauges,
            Map<MetricName, ? extends Metric> clientMetrics) {
        StringBuilder text = new StringBuilder();
        counters.forEach((name, value) -> text.append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n'));
        gauges.forEach((name, value) -> text.append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n'));
        Map<String, StringBuilder> families = new TreeMap<>();
        clientMetrics.forEach((name, metric) -> {
            if (metric.metricValue() instanceof Number number && Double.isFinite(number.doubleValue())) {
                families.computeIfAbsent(familyName(name), family -> new StringBuilder())
                        .append(familyName(name)).append(labels(name)).append(' ').append(number.doubleValue())
                        .append('\n');
            }
        });
        families.values().forEach(text::append);
        return text.toString();
    }

    /** {@code kafka_streams_<group>_<name>}, lower case, anything but letters, digits and {@code _} as {@code _}. */
    public static String familyName(MetricName name) {
        return ("kafka_streams_" + name.group() + "_" + name.name()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
    }

    private static String labels(MetricName name) {
        if (name.tags().isEmpty()) {
            return "";
        }
        StringBuilder labels = new StringBuilder("{");
        new TreeMap<>(name.tags()).forEach((key, value) -> labels.append(labels.length() > 1 ? "," : "")
                .append(key.replaceAll("[^a-zA-Z0-9_]", "_")).append("=\"").append(escape(value)).append('"'));
        return labels.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
