package dev.bazaar.platform.monitoring;

import java.util.Map;

/**
 * One endpoint Prometheus scrapes for a job of {@code prometheus/prometheus.yml} ({@code host:port}),
 * with labels that say what it is (e.g. {@code cluster=main}, {@code node=main-1}).
 */
public record ScrapeTarget(String job, String address, Map<String, String> labels) {

    /** {@code host:port} of a URL, the address Prometheus scrapes. */
    public static String hostPort(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    public ScrapeTarget {
        labels = Map.copyOf(labels);
    }
}
