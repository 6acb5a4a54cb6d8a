package dev.bazaar.connectors.jdbc;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where one value of a row comes from: a field of the record value, or something of the record
 * itself ({@code $key}, {@code $value}, {@code $timestamp}, {@code $topic}, {@code $partition},
 * {@code $offset}, {@code $header.<name>}). Reading gives empty when the source is absent or null, so
 * that the next alternative of the column is tried.
 */
sealed interface ValueSource {

    /** Reads this source from {@code record}: a normalized value (see {@link RecordView}), or empty. */
    Optional<Object> read(RecordView record) throws ConversionException;

    /** The source as written in the mapping, for messages. */
    String describe();

    /**
     * Parses one source of the mapping.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    static ValueSource parse(String text) {
        String source = text.strip();
        if (source.isEmpty()) {
            throw new IllegalArgumentException("an empty source");
        }
        if (source.startsWith("$")) {
            return special(source);
        }
        if (source.startsWith("/")) {
            try {
                return new Field(source, Optional.of(JsonPointer.compile(source)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + source + "' is not a JSON pointer: " + e.getMessage(), e);
            }
        }
        return new Field(source, Optional.empty());
    }

    private static ValueSource special(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith(Header.PREFIX)) {
            String name = source.substring(Header.PREFIX.length());
            if (name.isBlank()) {
                throw new IllegalArgumentException("'" + source + "' names no header");
            }
            return new Header(name);
        }
        return switch (lower) {
            case "$key" -> Meta.KEY;
            case "$value" -> Meta.VALUE;
            case "$timestamp" -> Meta.TIMESTAMP;
            case "$topic" -> Meta.TOPIC;
            case "$partition" -> Meta.PARTITION;
            case "$offset" -> Meta.OFFSET;
            default -> throw new IllegalArgumentException("unknown source '" + source + "': expected one of $key, "
                    + "$value, $timestamp, $topic, $partition, $offset, $header.<name>, a field name or a JSON pointer");
        };
    }

    /** A field of the value: a top-level name, or a JSON pointer ({@code /a/b}) into nested objects. */
    record Field(String name, Optional<JsonPointer> pointer) implements ValueSource {

        @Override
        public Optional<Object> read(RecordView record) throws ConversionException {
            return record.field(this);
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** The last header of a name (Connect's header converter decides its type). */
    record Header(String name) implements ValueSource {

        static final String PREFIX = "$header.";

        @Override
        public Optional<Object> read(RecordView record) throws ConversionException {
            return record.header(name);
        }

        @Override
        public String describe() {
            return PREFIX + name;
        }
    }

    /** Something of the record rather than of its value. */
    enum Meta implements ValueSource {
        /** The record key as its converter left it ({@code byte[]} with ByteArrayConverter). */
        KEY,
        /** The whole value, as JSON text. */
        VALUE,
        /** The record timestamp, an instant (epoch milliseconds). */
        TIMESTAMP,
        TOPIC,
        PARTITION,
        OFFSET;

        @Override
        public Optional<Object> read(RecordView record) throws ConversionException {
            return switch (this) {
                case KEY -> record.key();
                case VALUE -> record.valueJson();
                case TIMESTAMP -> record.timestamp();
                case TOPIC -> Optional.of(record.record().topic());
                case PARTITION -> Optional.of(record.record().kafkaPartition());
                case OFFSET -> Optional.of(record.record().kafkaOffset());
            };
        }

        @Override
        public String describe() {
            return "$" + name().toLowerCase(Locale.ROOT);
        }
    }
}
