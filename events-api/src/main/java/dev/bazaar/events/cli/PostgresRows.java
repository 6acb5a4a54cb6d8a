package dev.bazaar.events.cli;

import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.cli.ServiceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * Counts the rows of {@code product_events} as PostgreSQL role {@value #ROLE} (SELECT only): the JDBC URL
 * of endpoint {@value #ENDPOINT} that the platform recorded at {@code up} (TLS, verify-full against the
 * platform CA) and the password in secret {@code postgres-reader}; or an external server from
 * {@code BAZAAR_POSTGRES_JDBC_URL} and {@code BAZAAR_POSTGRES_READER_PASSWORD}.
 */
final class PostgresRows {

    static final String ROLE = "reader";
    static final String ENDPOINT = "postgres-jdbc";
    static final String SECRET = "postgres-" + ROLE;
    static final String URL_VARIABLE = "BAZAAR_POSTGRES_JDBC_URL";
    static final String PASSWORD_VARIABLE = "BAZAAR_POSTGRES_READER_PASSWORD";
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final String url;
    private final String password;

    private PostgresRows(String url, String password) {
        this.url = url;
        this.password = password;
    }

    /** The server of the environment when it names one, otherwise the platform's in {@code layout}. */
    static PostgresRows resolve(Map<String, String> env, RuntimeLayout layout) {
        String external = env.get(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            String password = env.get(PASSWORD_VARIABLE);
            if (password == null || password.isEmpty()) {
                throw new ServiceException("environment variable " + PASSWORD_VARIABLE + " is required when "
                        + URL_VARIABLE + " is set");
            }
            return new PostgresRows(external.strip(), password);
        }
        String url = PlatformEndpoints.load(layout).serviceUrl(ENDPOINT).orElseThrow(() -> new ServiceException(
                "the platform in " + layout.root() + " recorded no PostgreSQL (endpoint " + ENDPOINT + "): start it with "
                        + "'./bazaar up postgres', or set " + URL_VARIABLE));
        if (!layout.secrets().exists(SECRET)) {
            throw new ServiceException("no password of PostgreSQL role " + ROLE + " at " + layout.secrets().file(SECRET)
                    + ": './bazaar up' creates it with the role");
        }
        return new PostgresRows(url, layout.secrets().password(SECRET));
    }

    /** {@code SELECT count(*) FROM product_events}. */
    long count() {
        Properties props = new Properties();
        props.setProperty("user", ROLE);
        props.setProperty("password", password);
        props.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        props.setProperty("ApplicationName", "bazaar events stats");
        try (Connection connection = DriverManager.getConnection(url, props);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM product_events")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new ServiceException("cannot count the rows of product_events as role " + ROLE + " at "
                    + withoutQuery(url) + ": " + e.getMessage(), e);
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
