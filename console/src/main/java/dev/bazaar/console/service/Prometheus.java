package dev.bazaar.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * PromQL through {@link PlatformServices}: range queries for charts, instant queries for tables. A
 * query that Prometheus refuses comes back as its error, naming the query.
 */
@Singleton
public final class Prometheus {

    /** One series: its labels and its points (seconds since the epoch, value; NaN where Prometheus has none). */
    public record Series(Map<String, String> labels, double[] times, double[] values) {
    }

    private final PlatformServices services;

    public Prometheus(PlatformServices services) {
        this.services = services;
    }

    /** {@code expr} from {@code start} to {@code end} every {@code stepSeconds}. */
    public List<Series> range(String expr, Instant start, Instant end, long stepSeconds) {
        JsonNode answer = services.get(PlatformServices.Service.PROMETHEUS, "/api/v1/query_range?query=" + encode(expr)
                + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + Math.max(1, stepSeconds));
        List<Series> series = new ArrayList<>();
        for (JsonNode result : answer.path("data").path("result")) {
            JsonNode values = result.path("values");
            double[] times = new double[values.size()];
            double[] points = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                times[i] = values.get(i).get(0).asDouble();
                points[i] = number(values.get(i).get(1).asText());
            }
            series.add(new Series(labels(result.path("metric")), times, points));
        }
        return series;
    }

    /** {@code expr} now: each series' labels and its one value. */
    public List<Series> instant(String expr) {
        JsonNode answer = services.get(PlatformServices.Service.PROMETHEUS, "/api/v1/query?query=" + encode(expr));
        List<Series> series = new ArrayList<>();
        for (JsonNode result : answer.path("data").path("result")) {
            JsonNode value = result.path("value");
            series.add(new Series(labels(result.path("metric")), new double[] {value.get(0).asDouble()},
                    new double[] {number(value.get(1).asText())}));
        }
        return series;
    }

    /** {@code value} as a PromQL string literal (quotes and backslashes escaped): for label matchers of user input. */
    public static String literal(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        metric.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static double number(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
