package dev.bazaar.console.dashboards;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Grafana's interval arithmetic and spellings, reproduced so the console asks Prometheus for the same
 * step and windows Grafana would: the ladder of "nice" intervals a raw interval is rounded to, Grafana's
 * short interval text ({@code 30s}, {@code 1m}) and Go's duration text ({@code 1m0s}) that Grafana's
 * Prometheus backend writes for {@code $__rate_interval}.
 */
final class GrafanaIntervals {

    /** Upper bounds in milliseconds of each rung and the interval chosen below it (rangeutil.roundInterval). */
    private static final long[][] LADDER = {
        {10, 1}, {15, 10}, {35, 20}, {75, 50}, {150, 100}, {350, 200}, {750, 500}, {1_500, 1_000},
        {3_500, 2_000}, {7_500, 5_000}, {12_500, 10_000}, {17_500, 15_000}, {25_000, 20_000}, {45_000, 30_000},
        {90_000, 60_000}, {210_000, 120_000}, {450_000, 300_000}, {750_000, 600_000}, {1_050_000, 900_000},
        {1_500_000, 1_200_000}, {2_700_000, 1_800_000}, {5_400_000, 3_600_000}, {9_000_000, 7_200_000},
        {16_200_000, 10_800_000}, {32_400_000, 21_600_000}, {86_400_000, 43_200_000}, {604_800_000, 86_400_000},
        {1_814_400_000, 604_800_000}, {3_628_800_000L, 2_592_000_000L},
    };
    private static final long YEAR_MS = 31_536_000_000L;
    private static final long NANOS_PER_MS = 1_000_000;

    private GrafanaIntervals() {
    }

    /** The browser's rounding (TypeScript {@code roundInterval}): a raw interval below a rung's bound. */
    static Duration roundAsFrontend(double rawMillis) {
        for (long[] rung : LADDER) {
            if (rawMillis < rung[0]) {
                return Duration.ofMillis(rung[1]);
            }
        }
        return Duration.ofMillis(YEAR_MS);
    }

    /** The Go backend's rounding ({@code gtime.RoundInterval}): the same ladder, bounds included but the last. */
    static Duration roundAsBackend(Duration raw) {
        long nanos = raw.toNanos();
        for (int i = 0; i < LADDER.length; i++) {
            long bound = LADDER[i][0] * NANOS_PER_MS;
            if (nanos < bound || (nanos == bound && i < LADDER.length - 1)) {
                return Duration.ofMillis(LADDER[i][1]);
            }
        }
        return Duration.ofMillis(YEAR_MS);
    }

    /** Grafana's interval text ({@code gtime.FormatInterval}): the largest whole unit, truncated ({@code 90s} is {@code 1m}). */
    static String format(Duration interval) {
        long ms = interval.toMillis();
        long[] unitsMs = {YEAR_MS, 86_400_000, 3_600_000, 60_000, 1_000, 1};
        String[] names = {"y", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < unitsMs.length; i++) {
            if (ms >= unitsMs[i]) {
                return ms / unitsMs[i] + names[i];
            }
        }
        return "1ms";
    }

    /** Go's {@code time.Duration.String()}: {@code 20s}, {@code 1m0s}, {@code 2h0m0s}, {@code 1.5s}, {@code 500ms}. */
    static String goDuration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            return subSecond(nanos);
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String seconds = decimal(duration.toSecondsPart() * 1_000_000_000L + duration.toNanosPart(), 9) + "s";
        if (hours > 0) {
            return hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? minutes + "m" + seconds : seconds;
    }

    /** Seconds as Prometheus reads a {@code step}: {@code 5}, {@code 0.5}, {@code 120}. */
    static String seconds(Duration duration) {
        return decimal(duration.toNanos(), 9);
    }

    private static String subSecond(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        return nanos < 1_000_000 ? decimal(nanos, 3) + "µs" : decimal(nanos, 6) + "ms";
    }

    private static String decimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().toPlainString();
    }
}
