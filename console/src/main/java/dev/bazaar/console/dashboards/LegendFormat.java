package dev.bazaar.console.dashboards;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The name a series gets in a panel's legend, as Grafana's Prometheus backend names it: the target's
 * legend format with each {@code {{label}}} replaced by the series' label value (empty when the series
 * has no such label); without a legend format (or with {@code __auto}), the metric name and its labels
 * ({@code up{instance="a", job="b"}}); the expression itself when that would be {@code {}}.
 */
public final class LegendFormat {

    private static final Pattern LABEL = Pattern.compile("\\{\\{\\s*(.+?)\\s*\\}\\}");
    private static final String AUTO = "__auto";
    private static final String METRIC_NAME = "__name__";

    private LegendFormat() {
    }

    public static String seriesName(String legendFormat, Map<String, String> labels, String expr) {
        String name = legendFormat.isEmpty() || AUTO.equals(legendFormat)
                ? metricName(labels)
                : LABEL.matcher(legendFormat).replaceAll(
                        match -> Matcher.quoteReplacement(labels.getOrDefault(match.group(1), "")));
        return "{}".equals(name) ? expr : name;
    }

    private static String metricName(Map<String, String> labels) {
        String metric = labels.getOrDefault(METRIC_NAME, "");
        String pairs = labels.entrySet().stream().filter(label -> !METRIC_NAME.equals(label.getKey()))
                .map(label -> label.getKey() + "=" + quote(label.getValue())).sorted()
                .collect(Collectors.joining(", "));
        if (pairs.isEmpty()) {
            return metric.isEmpty() ? "{}" : metric;
        }
        return metric + "{" + pairs + "}";
    }

    /** Go's {@code %q} for the characters a label value holds in practice. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\r", "\\r") + "\"";
    }
}
