package dev.bazaar.connectors.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Reads the target table's columns from PostgreSQL's catalog, resolving the name the way the INSERT
 * will (the role's search_path), and checks the role may insert into it.
 */
final class TableSchema {

    private static final String TABLE_SQL = "SELECT c.oid::regclass::text, has_table_privilege(c.oid, 'INSERT'), "
            + "current_user FROM pg_class c WHERE c.oid = to_regclass(?)";
    private static final String COLUMNS_SQL = "SELECT a.attname, COALESCE(b.typname, t.typname), a.attnotnull, "
            + "a.atthasdef, a.attidentity::text, a.attgenerated <> '' FROM pg_attribute a "
            + "JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype "
            + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private TableSchema() {
    }

    /**
     * The columns of {@code table} by name, in table order.
     *
     * @throws ConfigException naming {@code table} when there is no such table or the role may not insert into it
     * @throws SQLException when the catalog cannot be read (the caller tells transient from fatal)
     */
    static Map<String, TableColumn> read(Connection connection, TableName table) throws SQLException {
        checkTable(connection, table);
        Map<String, TableColumn> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
            statement.setString(1, table.quoted());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TableColumn column = new TableColumn(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            rows.getBoolean(4), rows.getString(5), rows.getBoolean(6));
                    columns.put(column.name(), column);
                }
            }
        }
        return columns;
    }

    private static void checkTable(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TABLE_SQL)) {
            statement.setString(1, table.quoted());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new ConfigException(JdbcSinkConfig.TABLE, table.toString(),
                            "no such table (for the role's search_path)");
                }
                if (!rows.getBoolean(2)) {
                    throw new ConfigException(JdbcSinkConfig.TABLE, table.toString(), "role " + rows.getString(3)
                            + " may not INSERT into " + rows.getString(1));
                }
            }
        }
    }
}
