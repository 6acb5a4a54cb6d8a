package dev.bazaar.console.dashboards;

import java.time.Duration;

/**
 * A panel target's expression made runnable by Prometheus, as Grafana makes it: template variables
 * first (Grafana's browser side), then the built-in macros its Prometheus backend replaces —
 * {@code $__interval}, {@code $__interval_ms}, {@code $__range}, {@code $__range_s}, {@code $__range_ms},
 * {@code $__rate_interval}, {@code $__rate_interval_ms}, each also as {@code ${…}}.
 */
public final class PromQl {

    private PromQl() {
    }

    /** The expression with template variables and macros replaced, ready for Prometheus. */
    public static String resolve(String expression, QueryTiming timing, TemplateVariables variables) {
        return macros(variables.apply(expression), timing);
    }

    /** Only the built-in macros, in Grafana's order (longer names before their prefixes). */
    public static String macros(String expression, QueryTiming timing) {
        String intervalMs = String.valueOf(timing.step().toMillis());
        String interval = GrafanaIntervals.format(timing.step());
        long rangeMillis = timing.range().toMillis();
        String rangeSeconds = String.valueOf(Math.round(rangeMillis / 1000.0));
        String rateIntervalMs = String.valueOf(timing.rateInterval().toMillis());
        String rateInterval = GrafanaIntervals.goDuration(timing.rateInterval());
        String result = expression;
        for (String[] form : new String[][] {{"$__", ""}, {"${__", "}"}}) {
            result = result.replace(form[0] + "interval_ms" + form[1], intervalMs)
                    .replace(form[0] + "interval" + form[1], interval)
                    .replace(form[0] + "range_ms" + form[1], String.valueOf(rangeMillis))
                    .replace(form[0] + "range_s" + form[1], rangeSeconds)
                    .replace(form[0] + "range" + form[1], rangeSeconds + "s")
                    .replace(form[0] + "rate_interval_ms" + form[1], rateIntervalMs)
                    .replace(form[0] + "rate_interval" + form[1], rateInterval);
        }
        return result;
    }

    /** Grafana's text for an interval in a query ({@code 30s}, {@code 1m}), e.g. to show it beside a panel. */
    public static String intervalText(Duration interval) {
        return GrafanaIntervals.format(interval);
    }
}
