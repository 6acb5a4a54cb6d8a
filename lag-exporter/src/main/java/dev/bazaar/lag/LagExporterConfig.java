package dev.bazaar.lag;

import dev.bazaar.common.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exporter's settings, from the environment, all checked before anything connects; an error names
 * the variable and what it accepts.
 * <ul>
 *   <li>{@code BAZAAR_HTTP_PORT} (required; the launcher sets it): HTTPS of {@code /health} and {@code /prometheus};</li>
 *   <li>{@code BAZAAR_LAG_INTERVAL_SECONDS} (default 15, 1–300): how often every group is polled — Prometheus
 *       scrapes as often, so a finer poll would be unseen;</li>
 *   <li>{@code BAZAAR_LAG_CLUSTERS} (default {@code main,mirror}): whose groups; the mirror's are the groups
 *       MirrorMaker checkpointed, those a failover would resume;</li>
 *   <li>{@code BAZAAR_LAG_HISTORY} (default 720, at least 4): end-offset samples kept per partition, for the
 *       lag in seconds (3 hours at 15 s exactly, older coarser).</li>
 * </ul>
 */
record LagExporterConfig(int httpPort, Duration interval, List<Cluster> clusters, int history) {

    static final String HTTP_PORT = "BAZAAR_HTTP_PORT";
    static final String INTERVAL = "BAZAAR_LAG_INTERVAL_SECONDS";
    static final String CLUSTERS = "BAZAAR_LAG_CLUSTERS";
    static final String HISTORY = "BAZAAR_LAG_HISTORY";

    LagExporterConfig {
        clusters = List.copyOf(clusters);
    }

    static LagExporterConfig fromEnvironment(Map<String, String> env) {
        int port = integer(env, HTTP_PORT, null, 1, 65535);
        int seconds = integer(env, INTERVAL, 15, 1, 300);
        int history = integer(env, HISTORY, 720, 4, 1_000_000);
        List<Cluster> clusters = new ArrayList<>();
        for (String name : env.getOrDefault(CLUSTERS, "main,mirror").split(",")) {
            String cluster = name.strip().toUpperCase(Locale.ROOT);
            if (cluster.isEmpty()) {
                continue;
            }
            try {
                clusters.add(Cluster.valueOf(cluster));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(CLUSTERS + ": '" + name.strip() + "' is no cluster; main, mirror or both, "
                        + "comma-separated", e);
            }
        }
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException(CLUSTERS + ": names no cluster; main, mirror or both, comma-separated");
        }
        return new LagExporterConfig(port, Duration.ofSeconds(seconds), clusters.stream().distinct().toList(), history);
    }

    private static int integer(Map<String, String> env, String key, Integer fallback, int min, int max) {
        String text = env.get(key);
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is not set: the port to serve HTTPS on, " + min + "–" + max);
            }
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a whole number (" + min + "–" + max + ")", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": " + value + " is out of range " + min + "–" + max);
        }
        return value;
    }
}
