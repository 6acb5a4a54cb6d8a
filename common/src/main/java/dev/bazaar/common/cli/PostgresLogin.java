package dev.bazaar.common.cli;

import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How a command logs in to PostgreSQL as one of the roles of {@code setup/postgres.yaml}: the JDBC URL
 * of endpoint {@value #ENDPOINT} that the platform recorded at {@code up} (TLS, verify-full against the
 * platform CA) and the role's password in secret {@code postgres-<role>}; or an external server from
 * {@code BAZAAR_POSTGRES_JDBC_URL} and {@code BAZAAR_POSTGRES_<ROLE>_PASSWORD}. The driver must be on the
 * command's class path.
 */
public final class PostgresLogin {

    static final String ENDPOINT = "postgres-jdbc";
    public static final String URL_VARIABLE = "BAZAAR_POSTGRES_JDBC_URL";
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final String url;
    private final String role;
    private final String password;

    private PostgresLogin(String url, String role, String password) {
        this.url = url;
        this.role = role;
        this.password = password;
    }

    /** The environment variable of {@code role}'s password for an external server. */
    public static String passwordVariable(String role) {
        return "BAZAAR_POSTGRES_" + role.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    /**
     * The server of the environment when it names one, otherwise the platform's in {@code layout}.
     *
     * @throws ServiceException saying what is missing and how to get it
     */
    public static PostgresLogin resolve(Map<String, String> env, RuntimeLayout layout, String role) {
        String external = env.get(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            String password = env.get(passwordVariable(role));
            if (password == null || password.isEmpty()) {
                throw new ServiceException("environment variable " + passwordVariable(role) + " is required when "
                        + URL_VARIABLE + " is set");
            }
            return new PostgresLogin(external.strip(), role, password);
        }
        String url = PlatformEndpoints.load(layout).serviceUrl(ENDPOINT).orElseThrow(() -> new ServiceException(
                "the platform in " + layout.root() + " recorded no PostgreSQL (endpoint " + ENDPOINT + "): start it with "
                        + "'./bazaar up postgres', or set " + URL_VARIABLE));
        String secret = "postgres-" + role.replace('_', '-');
        if (!layout.secrets().exists(secret)) {
            throw new ServiceException("no password of PostgreSQL role " + role + " at " + layout.secrets().file(secret)
                    + ": './bazaar up' creates it with the role");
        }
        return new PostgresLogin(url, role, layout.secrets().password(secret));
    }

    public String role() {
        return role;
    }

    /** The URL without its query (which may name files), for messages. */
    public String where() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /**
     * A new connection as the role, named {@code application} in {@code pg_stat_activity}.
     *
     * @throws ServiceException naming the server and role when it cannot log in
     */
    public Connection connect(String application) {
        Properties props = new Properties();
        props.setProperty("user", role);
        props.setProperty("password", password);
        props.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        props.setProperty("ApplicationName", application);
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new ServiceException("cannot log in to PostgreSQL at " + where() + " as role " + role + ": "
                    + e.getMessage(), e);
        }
    }
}
