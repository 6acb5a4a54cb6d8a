package dev.bazaar.bench;

import java.util.Locale;

/** One measured run: records per second and latency percentiles. */
record RunResult(String name, long records, double perSecond, double p50Millis, double p99Millis) {

    String row() {
        return String.format(Locale.ROOT, "%-44s %9d %12.0f %10.1f %10.1f", name, records, perSecond, p50Millis, p99Millis);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-44s %9s %12s %10s %10s", "run", "records", "records/s", "p50 ms", "p99 ms");
    }
}
