package dev.bazaar.connectors.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a failed statement means for the sink, from its SQLSTATE: worth retrying as it is, the fault
 * of one row's data, or a fault no retry fixes (privileges, a changed table, a bug).
 */
enum SqlFailure {
    /**
     * The connection or the server, not the rows: connection errors (class 08), serialization failure
     * (40001), deadlock (40P01), insufficient resources (class 53), a server shutting down or starting
     * (57P..), or an I/O error with no SQLSTATE.
     */
    TRANSIENT,
    /** A row the table cannot take: data exceptions (class 22) and integrity violations (class 23). */
    DATA,
    /** Anything else. */
    FATAL;

    private static final int SHOWN = 500;

    static SqlFailure of(SQLException failure) {
        Optional<String> state = sqlState(failure);
        if (state.isEmpty()) {
            return hasIoCause(failure) ? TRANSIENT : FATAL;
        }
        String code = state.get();
        if (code.startsWith("08") || code.equals("40001") || code.equals("40P01") || code.startsWith("53")
                || code.startsWith("57P")) {
            return TRANSIENT;
        }
        return code.startsWith("22") || code.startsWith("23") ? DATA : FATAL;
    }

    /** The first SQLSTATE of the failure, its chained (next) exceptions and its causes. */
    static Optional<String> sqlState(SQLException failure) {
        for (Throwable t : failure) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /**
     * The failure for a message: its SQLSTATE and the server's own words, which a batch failure wraps
     * in the whole statement text (cut, as it can hold a row's values).
     */
    static String describe(SQLException failure) {
        SQLException specific = failure.getNextException() != null ? failure.getNextException() : failure;
        String message = String.valueOf(specific.getMessage()).strip();
        if (message.length() > SHOWN) {
            message = message.substring(0, SHOWN) + "...";
        }
        return "SQLSTATE " + sqlState(failure).orElse("none") + ": " + message;
    }

    private static boolean hasIoCause(SQLException failure) {
        for (Throwable t : failure) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
