package dev.bazaar.dedup.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the generic app remembers a key, written the way people say it: {@code 7d}, {@code 12h},
 * {@code 30m}, {@code 90s}, or ISO-8601 ({@code P7D}, {@code PT12H}). One parser for the properties
 * file, the environment and the command line, so all three accept the same words.
 */
public final class Retention {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(d|h|m|s)");

    private Retention() {
    }

    /**
     * The duration {@code text} says; a positive one.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            duration = iso(trimmed);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return duration;
    }

    /** The shortest of the short forms that says {@code duration} exactly ({@code 7d}), else ISO-8601. */
    public static String format(Duration duration) {
        if (duration.toSecondsPart() == 0 && duration.toNanosPart() == 0) {
            long minutes = duration.toMinutes();
            if (minutes % (24 * 60) == 0) {
                return minutes / (24 * 60) + "d";
            }
            return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
        }
        return duration.toNanosPart() == 0 ? duration.toSeconds() + "s" : duration.toString();
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write <number>d, h, m or s "
                    + "(7d, 12h, 30m, 90s) or ISO-8601 (P7D, PT12H)", e);
        }
    }
}
