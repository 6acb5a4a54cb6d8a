package dev.bazaar.connectors.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The PostgreSQL column types the sink writes, each with the conversion of a normalized value to
 * what the column is bound with ({@link Conversions}) and the JDBC type it is bound as. A column of
 * another type cannot be mapped: the task says so at start.
 */
enum ColumnType {
    TEXT(Types.VARCHAR, Conversions::toText, "text", "varchar", "bpchar", "name", "citext"),
    SMALLINT(Types.SMALLINT, value -> (short) Conversions.toWhole(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint"),
            "int2", "smallserial"),
    INTEGER(Types.INTEGER, value -> (int) Conversions.toWhole(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"),
            "int4", "serial"),
    BIGINT(Types.BIGINT, value -> Conversions.toWhole(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"),
            "int8", "bigserial"),
    NUMERIC(Types.NUMERIC, Conversions::toDecimal, "numeric"),
    DOUBLE(Types.DOUBLE, Conversions::toDouble, "float8", "float4"),
    BOOLEAN(Types.BOOLEAN, Conversions::toBoolean, "bool"),
    DATE(Types.DATE, Conversions::toDate, "date"),
    TIMESTAMP(Types.TIMESTAMP, Conversions::toTimestamp, "timestamp"),
    TIMESTAMPTZ(Types.TIMESTAMP_WITH_TIMEZONE, Conversions::toTimestamptz, "timestamptz"),
    /** Bound as an untyped string, which the server parses as the column's type. */
    JSON(Types.OTHER, Conversions::toJson, "json"),
    JSONB(Types.OTHER, Conversions::toJson, "jsonb"),
    BYTEA(Types.BINARY, Conversions::toBytes, "bytea"),
    UUID(Types.OTHER, Conversions::toUuid, "uuid");

    /** Converts a normalized value for a column of one type. */
    @FunctionalInterface
    interface Converter {
        Object convert(Object value) throws ConversionException;
    }

    private final int jdbcType;
    private final Converter converter;
    private final Set<String> typeNames;

    ColumnType(int jdbcType, Converter converter, String... typeNames) {
        this.jdbcType = jdbcType;
        this.converter = converter;
        this.typeNames = Set.of(typeNames);
    }

    /** The type of a column whose {@code pg_type.typname} is {@code typeName} (a domain's base type's name). */
    static Optional<ColumnType> of(String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.typeNames.contains(name)).findFirst();
    }

    /** The names {@link #of} knows, for messages. */
    static String supported() {
        return String.join(", ", Arrays.stream(values()).map(type -> type.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** {@code value} (normalized, not null) as this type binds it. */
    Object convert(Object value) throws ConversionException {
        return converter.convert(value);
    }

    /** Binds a converted value, or SQL NULL for null. */
    void bind(PreparedStatement statement, int index, Object converted) throws SQLException {
        if (converted == null) {
            statement.setNull(index, jdbcType);
        } else {
            statement.setObject(index, converted, jdbcType);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
