package dev.bazaar.connectors.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Converts a normalized value (see {@link RecordView}) to what a column of one type is bound with,
 * or says why it cannot. Lenient only where nothing is lost or guessed: a whole number in a string
 * fits a {@code bigint}, but a number never becomes a {@code timestamptz} (seconds or milliseconds?).
 */
final class Conversions {

    private static final int SHOWN = 60;

    private Conversions() {
    }

    static String toText(Object value) throws ConversionException {
        String text = switch (value) {
            case String s -> s;
            case JsonText json -> json.json();
            case BigDecimal d -> d.toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Instant instant -> instant.toString();
            case byte[] bytes -> utf8(bytes);
            default -> throw cannot(value, "text");
        };
        if (text.indexOf('\0') >= 0) {
            throw new ConversionException(describe(value) + " holds a NUL character, which PostgreSQL text cannot");
        }
        return text;
    }

    /** A whole number within {@code [min, max]}; an instant as epoch milliseconds. */
    static long toWhole(Object value, long min, long max, String type) throws ConversionException {
        long whole;
        try {
            whole = switch (value) {
                case Long l -> l;
                case BigInteger i -> i.longValueExact();
                case BigDecimal d -> d.longValueExact();
                case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> d.longValue();
                case Double d -> throw new ArithmeticException("not whole, or too large");
                case String s -> Long.parseLong(s);
                case Instant instant -> instant.toEpochMilli();
                default -> throw cannot(value, type);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConversionException(describe(value) + " is not a whole number within " + type + "'s range", e);
        }
        if (whole < min || whole > max) {
            throw new ConversionException(describe(value) + " is outside " + type + "'s range");
        }
        return whole;
    }

    static BigDecimal toDecimal(Object value) throws ConversionException {
        try {
            return switch (value) {
                case BigDecimal d -> d;
                case BigInteger i -> new BigDecimal(i);
                case Long l -> BigDecimal.valueOf(l);
                case Double d -> BigDecimal.valueOf(d);
                case String s -> new BigDecimal(s);
                default -> throw cannot(value, "numeric");
            };
        } catch (NumberFormatException e) {
            throw new ConversionException(describe(value) + " is not a number", e);
        }
    }

    static double toDouble(Object value) throws ConversionException {
        try {
            return switch (value) {
                case Number n -> n.doubleValue();
                case String s -> Double.parseDouble(s);
                default -> throw cannot(value, "double precision");
            };
        } catch (NumberFormatException e) {
            throw new ConversionException(describe(value) + " is not a number", e);
        }
    }

    static boolean toBoolean(Object value) throws ConversionException {
        return switch (value) {
            case Boolean b -> b;
            case String s when s.equalsIgnoreCase("true") -> true;
            case String s when s.equalsIgnoreCase("false") -> false;
            default -> throw cannot(value, "boolean");
        };
    }

    /** An ISO-8601 date-time with an offset ({@code Z} or {@code +03:00}), or an instant ({@code $timestamp}). */
    static OffsetDateTime toTimestamptz(Object value) throws ConversionException {
        return switch (value) {
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case String s -> parse(s, () -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "an ISO-8601 date-time with an offset, such as 2025-04-10T12:34:56.000Z");
            case Number n -> throw new ConversionException(describe(value) + " is a number, not a timestamp (seconds "
                    + "or milliseconds?): send an ISO-8601 date-time with an offset, or map $timestamp");
            default -> throw cannot(value, "timestamptz");
        };
    }

    /** An ISO-8601 local date-time as it is, one with an offset or an instant in UTC. */
    static LocalDateTime toTimestamp(Object value) throws ConversionException {
        return switch (value) {
            case Instant instant -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            case String s when s.length() > 19 && hasOffset(s) -> toTimestamptz(s).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
            case String s -> parse(s, () -> LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                    "an ISO-8601 date-time, such as 2025-04-10T12:34:56.000");
            default -> throw cannot(value, "timestamp");
        };
    }

    static LocalDate toDate(Object value) throws ConversionException {
        return switch (value) {
            case Instant instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC);
            case String s -> parse(s, () -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE),
                    "an ISO-8601 date, such as 2025-04-10");
            default -> throw cannot(value, "date");
        };
    }

    /** JSON text: JSON as it is, a string quoted, a number or boolean as its literal. */
    static String toJson(Object value) throws ConversionException {
        return switch (value) {
            case JsonText json -> json.json();
            case String s -> new TextNode(s).toString();
            case Double d when d.isNaN() || d.isInfinite() -> throw cannot(value, "json");
            case BigDecimal d -> d.toString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Instant instant -> new TextNode(instant.toString()).toString();
            default -> throw cannot(value, "json");
        };
    }

    static byte[] toBytes(Object value) throws ConversionException {
        return switch (value) {
            case byte[] bytes -> bytes;
            case String s -> s.getBytes(StandardCharsets.UTF_8);
            case JsonText json -> json.json().getBytes(StandardCharsets.UTF_8);
            default -> throw cannot(value, "bytea");
        };
    }

    /** A UUID in its canonical 36-character form, or 16 bytes. */
    static UUID toUuid(Object value) throws ConversionException {
        return switch (value) {
            case String s when s.length() == 36 -> parse(s, () -> UUID.fromString(s), "a UUID");
            case byte[] bytes when bytes.length == 16 -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                yield new UUID(buffer.getLong(), buffer.getLong());
            }
            default -> throw cannot(value, "uuid");
        };
    }

    /** A value for a message: strings quoted and cut, bytes in hex, JSON cut. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "'" + cut(s) + "'";
            case JsonText json -> "JSON " + cut(json.json());
            case byte[] bytes -> bytes.length + " bytes " + cut(HexFormat.of().formatHex(bytes));
            case Instant instant -> "the instant " + instant;
            case Number n -> "the number " + n;
            default -> String.valueOf(value);
        };
    }

    private static String cut(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }

    private static boolean hasOffset(String s) {
        String tail = s.substring(19).toUpperCase(Locale.ROOT);
        return tail.endsWith("Z") || tail.contains("+") || tail.contains("-");
    }

    private interface Parse<T> {
        T parse();
    }

    private static <T> T parse(String text, Parse<T> parse, String expected) throws ConversionException {
        try {
            return parse.parse();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ConversionException("'" + cut(text) + "' is not " + expected, e);
        }
    }

    private static String utf8(byte[] bytes) throws ConversionException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ConversionException(describe(bytes) + " are not UTF-8 text", e);
        }
    }

    private static ConversionException cannot(Object value, String type) {
        String kind = switch (value) {
            case String s -> "a string";
            case JsonText json -> "a JSON object or array";
            case Boolean b -> "a boolean";
            case Number n -> "a number";
            case byte[] bytes -> "bytes";
            case Instant instant -> "an instant";
            default -> "a " + value.getClass().getSimpleName();
        };
        return new ConversionException(describe(value) + " is " + kind + ", which cannot be a " + type);
    }
}
