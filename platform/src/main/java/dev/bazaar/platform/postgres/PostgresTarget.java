package dev.bazaar.platform.postgres;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Where the platform's PostgreSQL is and how its admin role logs in: the embedded server or an
 * external one ({@link ExternalPostgres}). Everything that connects (readiness, migrations, roles,
 * {@code bazaar postgres url}, the {@code postgres-jdbc} endpoint) derives its URL from here, so the
 * embedded and the external server differ in one place.
 *
 * @param query the URL's query without {@code ?}: the TLS settings, the same for JDBC and libpq
 *     ({@code sslmode}, {@code sslrootcert}); may be empty
 * @param adminPassword read when needed, so that declaring the component creates no secret
 */
public record PostgresTarget(String host, int port, String database, String query, String adminUser,
        Supplier<String> adminPassword, boolean external) {

    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    public PostgresTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(adminUser, "adminUser");
        Objects.requireNonNull(adminPassword, "adminPassword");
    }

    /** The same server and settings, another database of it. */
    public PostgresTarget withDatabase(String other) {
        return new PostgresTarget(host, port, other, query, adminUser, adminPassword, external);
    }

    /** {@code host:port}. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The JDBC URL of the platform's database with its TLS settings, without credentials. */
    public String jdbcUrl() {
        return "jdbc:" + libpqUrl();
    }

    /** A libpq URL (psql, Python's psycopg...) of the platform's database with its TLS settings, without credentials. */
    public String libpqUrl() {
        return "postgresql://" + address() + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** A libpq URL with {@code user}'s password in it (keep it private). */
    public String libpqUrl(String user, String password) {
        return "postgresql://" + encodeValue(user) + ":" + encodeValue(password) + "@" + address() + "/" + database
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** The address without the TLS settings: the {@code postgres} endpoint, what {@code up} prints. */
    public String plainUrl() {
        return "postgresql://" + address() + "/" + database;
    }

    /** A connection of the admin role. */
    public Connection connectAdmin() throws SQLException {
        return connect(adminUser, adminPassword.get());
    }

    /** A connection of {@code user}, failing within seconds when nothing answers. */
    public Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("ApplicationName", "bazaar");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** {@code value} for a URL's user info or a query parameter, percent-encoded. */
    public static String encodeValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A file path as a query value: percent-encoded but for its slashes, which JDBC and libpq both read as is. */
    static String encodePath(String path) {
        return encodeValue(path).replace("%2F", "/");
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + adminUser + "@" + plainUrl() + (external ? ", external" : "") + "]";
    }
}
