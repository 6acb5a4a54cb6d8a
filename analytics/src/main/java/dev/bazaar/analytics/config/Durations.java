package dev.bazaar.analytics.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads the durations of the analytics settings: ISO-8601 ({@code PT5M}, {@code P30D}) or a whole
 * number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d}), so an
 * environment variable can say {@code 5m} and a config file {@code PT5M}.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration {@code text} says, or an {@link IllegalArgumentException} saying which forms are accepted. */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher matcher = SHORT.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 duration (PT5M, P30D) or a number with a unit "
                    + "ms, s, m, h or d (5m, 30d)", e);
        }
    }

    /** How a duration reads in messages: {@code 5m}, {@code 30d}, {@code 90s}. */
    public static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** A validator accepting durations of at least {@code min}. */
    public static ConfigDef.Validator atLeast(Duration min) {
        return new AtLeast(min);
    }

    /** Accepts durations of at least {@code min}. */
    record AtLeast(Duration min) implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            Duration duration;
            try {
                duration = parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
            if (duration.compareTo(min) < 0) {
                throw new ConfigException(name, value, "must be at least " + format(min));
            }
        }

        @Override
        public String toString() {
            return "a duration of at least " + format(min) + " (ISO-8601 such as PT5M, or 30s, 5m, 2h, 30d)";
        }
    }
}
