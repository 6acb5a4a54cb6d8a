package dev.bazaar.connectors.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;

/**
 * The INSERT the sink runs and how each of its parameters is filled: the configured mappings matched
 * against the table's actual columns, checked once when a task starts so that a typo or a column the
 * database fills in fails there, naming it, and never a record later.
 */
final class InsertPlan {

    /** A mapped column: where its value comes from and the column it goes to. */
    record BoundColumn(ColumnMapping mapping, TableColumn column, ColumnType type) {
    }

    private final TableName table;
    private final List<BoundColumn> columns;

    private InsertPlan(TableName table, List<BoundColumn> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /**
     * Matches {@code mappings} against {@code tableColumns}.
     *
     * @throws ConfigException naming {@code columns} and the column: one that does not exist, one the sink
     *     may not write, or a NOT NULL column without a default that no mapping fills
     */
    static InsertPlan of(TableName table, List<ColumnMapping> mappings, Map<String, TableColumn> tableColumns) {
        List<BoundColumn> bound = new ArrayList<>();
        for (ColumnMapping mapping : mappings) {
            TableColumn column = tableColumns.get(mapping.column());
            if (column == null) {
                throw new ConfigException(JdbcSinkConfig.COLUMNS, mapping.toString(), "table " + table
                        + " has no column " + mapping.column() + "; its columns are " + tableColumns.keySet());
            }
            column.whyNotWritable().ifPresent(why -> {
                throw new ConfigException(JdbcSinkConfig.COLUMNS, mapping.toString(), "column " + column.name()
                        + " of " + table + " " + why);
            });
            bound.add(new BoundColumn(mapping, column, column.type().orElseThrow()));
        }
        Set<String> mapped = mappings.stream().map(ColumnMapping::column).collect(Collectors.toSet());
        List<String> missing = tableColumns.values().stream().filter(TableColumn::required)
                .map(TableColumn::name).filter(name -> !mapped.contains(name)).toList();
        if (!missing.isEmpty()) {
            boolean one = missing.size() == 1;
            throw new ConfigException(JdbcSinkConfig.COLUMNS, mappings.toString(), (one ? "column " : "columns ")
                    + String.join(", ", missing) + " of " + table + (one ? " is" : " are") + " NOT NULL without a "
                    + "default, so " + (one ? "it" : "each") + " must be mapped");
        }
        return new InsertPlan(table, bound);
    }

    List<BoundColumn> columns() {
        return columns;
    }

    /** {@code INSERT INTO "t" ("a", "b") VALUES (?, ?) ON CONFLICT DO NOTHING}: a row already there is skipped. */
    String sql() {
        String names = columns.stream().map(c -> TableName.quote(c.column().name())).collect(Collectors.joining(", "));
        String parameters = String.join(", ", Collections.nCopies(columns.size(), "?"));
        return "INSERT INTO " + table.quoted() + " (" + names + ") VALUES (" + parameters + ") ON CONFLICT DO NOTHING";
    }

    /** Binds a row's values, in column order. */
    void bind(PreparedStatement statement, Row row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).type().bind(statement, i + 1, row.values().get(i));
        }
    }

    TableName table() {
        return table;
    }
}
