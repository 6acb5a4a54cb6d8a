package dev.bazaar.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies in milliseconds. */
record Latencies(double[] millis) {

    double percentile(double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The slowest, or NaN when there is none. */
    double max() {
        return Arrays.stream(millis).max().orElse(Double.NaN);
    }
}
