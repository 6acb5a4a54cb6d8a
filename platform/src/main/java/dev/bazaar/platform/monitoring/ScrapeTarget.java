package dev.bazaar.platform.monitoring;

import java.util.List;
import java.util.Map;

/**
 * One endpoint Prometheus scrapes for a job ({@code host:port}), with labels that say what it is
 * (e.g. {@code cluster=main}, {@code node=main-1}).
 */
public record ScrapeTarget(String job, String address, Map<String, String> labels) {

    /** The jobs of {@code prometheus/prometheus.yml}, one file of targets each. */
    public static final List<String> JOBS = List.of("kafka-broker", "connect", "mirror-maker",
            "shop-api", "stream-filter", "client-api", "prometheus", "alertmanager", "blackbox-tls", "supervisor");

    /** {@code host:port} of a URL, the address Prometheus scrapes. */
    public static String hostPort(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    public ScrapeTarget {
        if (!JOBS.contains(job)) {
            throw new IllegalArgumentException("no scrape job '" + job + "' in prometheus.yml; jobs: " + JOBS);
        }
        labels = Map.copyOf(labels);
    }
}
