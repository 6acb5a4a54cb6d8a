package dev.bazaar.console.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A chart's data as the console's script hands it to uPlot: one time axis (seconds) and one array per
 * series aligned on it, null where Prometheus had no point (a gap, not a zero). Ranges are chosen from
 * a short list, so no request can ask Prometheus for millions of points.
 */
public final class ChartData {

    /** The ranges a chart offers, and the default. */
    public static final List<String> RANGES = List.of("15m", "1h", "6h", "24h", "7d");
    public static final String DEFAULT_RANGE = "1h";
    /** Points per series at most: enough for a chart a page wide. */
    public static final int POINTS = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A time window and its step. */
    public record Window(Instant start, Instant end, long stepSeconds) {
    }

    private ChartData() {
    }

    /** {@code range} (one of {@link #RANGES}) ending now, its step at least {@code minStep} seconds; empty when unknown. */
    public static Optional<Window> window(String range, Instant now, long minStep) {
        if (range == null || !RANGES.contains(range)) {
            return Optional.empty();
        }
        long amount = Long.parseLong(range.substring(0, range.length() - 1));
        Duration length = switch (range.charAt(range.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        long step = Math.max(minStep, length.toSeconds() / POINTS);
        long end = now.getEpochSecond() / step * step;
        return Optional.of(new Window(Instant.ofEpochSecond(end - length.toSeconds()), Instant.ofEpochSecond(end), step));
    }

    /** The JSON of {@code series} over {@code window}, each labelled by {@code legend}. */
    public static String of(Window window, List<Prometheus.Series> series, Function<Map<String, String>, String> legend) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode x = root.putArray("x");
        int points = (int) ((window.end().getEpochSecond() - window.start().getEpochSecond()) / window.stepSeconds()) + 1;
        for (int i = 0; i < points; i++) {
            x.add(window.start().getEpochSecond() + i * window.stepSeconds());
        }
        ArrayNode all = root.putArray("series");
        for (Prometheus.Series one : series) {
            Map<Long, Double> byTime = new HashMap<>();
            for (int i = 0; i < one.times().length; i++) {
                byTime.put((long) one.times()[i], one.values()[i]);
            }
            ObjectNode node = all.addObject();
            node.put("label", legend.apply(one.labels()));
            ArrayNode data = node.putArray("data");
            for (int i = 0; i < points; i++) {
                Double value = byTime.get(window.start().getEpochSecond() + i * window.stepSeconds());
                if (value == null || value.isNaN() || value.isInfinite()) {
                    data.addNull();
                } else {
                    data.add(value);
                }
            }
        }
        return root.toString();
    }
}
