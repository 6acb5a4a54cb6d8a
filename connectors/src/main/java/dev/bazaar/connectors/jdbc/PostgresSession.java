package dev.bazaar.connectors.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's one connection, opened when first needed and again after it was lost, and the INSERT
 * prepared on it. Each {@link #insert} is one transaction: every row of the batch is in the table
 * after it returns, none is when it throws.
 */
final class PostgresSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresSession.class);

    private final ConnectionFactory factory;
    private Connection connection;
    private PreparedStatement insert;
    private String insertSql;

    PostgresSession(ConnectionFactory factory) {
        this.factory = factory;
    }

    /** The open connection, opening one when there is none. */
    Connection connection() throws SQLException {
        if (connection == null) {
            connection = factory.open();
        }
        return connection;
    }

    /**
     * Inserts {@code rows} with {@code plan}'s statement as one JDBC batch in one transaction.
     *
     * @return the driver's update count per row: 1 inserted, 0 skipped as already there,
     *     {@link java.sql.Statement#SUCCESS_NO_INFO} when the driver does not tell
     * @throws SQLException after rolling back; {@link #reset} after a transient one
     */
    int[] insert(InsertPlan plan, List<Row> rows) throws SQLException {
        PreparedStatement statement = prepared(plan);
        try {
            for (Row row : rows) {
                plan.bind(statement, row);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            connection.commit();
            return counts;
        } catch (SQLException e) {
            rollbackQuietly();
            throw e;
        } finally {
            clearQuietly(statement);
        }
    }

    /** Drops the connection (it may be dead after a transient failure); the next call opens a new one. */
    void reset() {
        closeQuietly();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private PreparedStatement prepared(InsertPlan plan) throws SQLException {
        String sql = plan.sql();
        if (insert == null || !sql.equals(insertSql)) {
            insert = connection().prepareStatement(sql);
            insertSql = sql;
        }
        return insert;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rolling back after a failed batch failed too: {}", SqlFailure.describe(e));
        }
    }

    private static void clearQuietly(PreparedStatement statement) {
        try {
            statement.clearBatch();
        } catch (SQLException e) {
            log.debug("Clearing the batch of the INSERT failed: {}", SqlFailure.describe(e));
        }
    }

    private void closeQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the connection failed: {}", SqlFailure.describe(e));
        } finally {
            connection = null;
            insert = null;
            insertSql = null;
        }
    }
}
