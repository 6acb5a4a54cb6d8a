package dev.bazaar.console.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's time expressions ({@code now}, {@code now-30m}, {@code now-7d}, an ISO instant or epoch
 * milliseconds) turned into instants, so the console starts on a dashboard's own time range and accepts
 * the ranges people type into Grafana. Rounding ({@code now/d}) is refused rather than half-done.
 */
public final class RelativeTime {

    private static final Pattern NOW_OFFSET = Pattern.compile("now(?:([+-])(\\d+)(ms|s|m|h|d|w|M|y))?");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d+");

    private RelativeTime() {
    }

    /**
     * The instant an expression names.
     *
     * @throws IllegalArgumentException naming the expression when it is none of the forms above
     */
    public static Instant resolve(String expression, Instant now) {
        Matcher offset = NOW_OFFSET.matcher(expression.strip());
        if (offset.matches()) {
            return offset.group(1) == null ? now : shift(now, offset);
        }
        if (EPOCH_MILLIS.matcher(expression).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(expression));
        }
        try {
            return Instant.parse(expression);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a time: expected now, now-<n><unit> "
                    + "(ms, s, m, h, d, w, M, y), an ISO instant or epoch milliseconds", e);
        }
    }

    private static Instant shift(Instant now, Matcher offset) {
        long amount = Long.parseLong(offset.group(2)) * ("-".equals(offset.group(1)) ? -1 : 1);
        return switch (offset.group(3)) {
            case "ms" -> now.plusMillis(amount);
            case "s" -> now.plusSeconds(amount);
            case "m" -> now.plus(Duration.ofMinutes(amount));
            case "h" -> now.plus(Duration.ofHours(amount));
            case "d" -> now.plus(Duration.ofDays(amount));
            case "w" -> now.plus(Duration.ofDays(7 * amount));
            case "M" -> now.atOffset(ZoneOffset.UTC).plusMonths(amount).toInstant();
            case "y" -> now.atOffset(ZoneOffset.UTC).plusYears(amount).toInstant();
            default -> throw new IllegalStateException("unit " + offset.group(3) + " matched but not handled");
        };
    }
}
