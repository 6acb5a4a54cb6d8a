package dev.bazaar.events.ingest;

import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * The date-times an event may carry where its schema says {@code format: date-time}: RFC 3339 with
 * seconds and an offset ({@code 2026-12-06T10:00:00.123456Z}, {@code 2025-04-10T15:34:56+03:00}),
 * years 1 to 9999. Stricter than ISO-8601 on purpose: PostgreSQL stores {@code event_datetime} as
 * {@code timestamptz}, which needs the offset, and the registry's validator (RFC 3339) must agree
 * with what events-api let through.
 */
public final class DateTimes {

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private DateTimes() {
    }

    /** Why {@code text} is not an accepted date-time; empty when it is one. */
    public static Optional<String> problem(String text) {
        try {
            return OffsetDateTime.parse(text, RFC_3339).getYear() >= 1 ? Optional.empty()
                    : Optional.of("'" + text + "' is before year 1");
        } catch (DateTimeParseException e) {
            return Optional.of("'" + abbreviate(text) + "' is not an RFC 3339 date-time with seconds and an offset, such as "
                    + "2026-12-06T10:00:00.123456Z or 2026-12-06T13:00:00+03:00");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
