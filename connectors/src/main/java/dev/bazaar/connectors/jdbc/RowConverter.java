package dev.bazaar.connectors.jdbc;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a sink record into a row of the {@link InsertPlan}: per column, the first of its sources that
 * is present, converted to the column's type. Everything that can be checked without the database is
 * checked here, so that a bad record is told apart before it can spoil a batch.
 */
final class RowConverter {

    private final InsertPlan plan;
    private final ObjectMapper mapper;

    RowConverter(InsertPlan plan, ObjectMapper mapper) {
        this.plan = plan;
        this.mapper = mapper;
    }

    /**
     * The row for {@code record}.
     *
     * @throws ConversionException naming the column: a value that cannot be read or converted, or none
     *     for a NOT NULL column
     */
    Row toRow(SinkRecord record) throws ConversionException {
        RecordView view = new RecordView(record, mapper);
        List<InsertPlan.BoundColumn> columns = plan.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(view, columns.get(i));
        }
        return Row.of(record, values);
    }

    private static Object value(RecordView view, InsertPlan.BoundColumn column) throws ConversionException {
        Optional<Object> raw;
        try {
            raw = first(view, column.mapping());
        } catch (ConversionException e) {
            throw new ConversionException(where(column) + ": " + e.getMessage(), e);
        }
        if (raw.isEmpty()) {
            if (column.column().notNull()) {
                throw new ConversionException(where(column) + ": the column is NOT NULL, and "
                        + (column.mapping().sources().size() > 1 ? "none of them is" : "it is not") + " present");
            }
            return null;
        }
        try {
            return column.type().convert(raw.get());
        } catch (ConversionException e) {
            throw new ConversionException(where(column) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Object> first(RecordView view, ColumnMapping mapping) throws ConversionException {
        for (ValueSource source : mapping.sources()) {
            Optional<Object> value = source.read(view);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static String where(InsertPlan.BoundColumn column) {
        return "column " + column.column().name() + " (" + column.type() + ") from " + column.mapping().describeSources();
    }
}
