package dev.bazaar.events.cli;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.PostgresLogin;
import dev.bazaar.common.cli.ServiceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Counts the rows of {@code product_events} as PostgreSQL role {@value #ROLE} (SELECT only), logged in
 * as {@link PostgresLogin} says (the platform's server, or an external one from the environment).
 */
final class PostgresRows {

    static final String ROLE = "reader";

    private final PostgresLogin login;

    private PostgresRows(PostgresLogin login) {
        this.login = login;
    }

    /** The server of the environment when it names one, otherwise the platform's in {@code layout}. */
    static PostgresRows resolve(Map<String, String> env, RuntimeLayout layout) {
        return new PostgresRows(PostgresLogin.resolve(env, layout, ROLE));
    }

    /** {@code SELECT count(*) FROM product_events}. */
    long count() {
        try (Connection connection = login.connect("bazaar events stats");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM product_events")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new ServiceException("cannot count the rows of product_events as role " + ROLE + " at "
                    + login.where() + ": " + e.getMessage(), e);
        }
    }
}
