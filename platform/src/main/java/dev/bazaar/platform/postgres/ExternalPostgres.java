package dev.bazaar.platform.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An external PostgreSQL server for the platform instead of the embedded one, from the environment:
 * the platform then starts no PostgreSQL process, and migrates, creates its roles on and points its
 * clients at that server. Read and checked once at start, so that a bad setting fails naming its
 * variable rather than at the first connection.
 *
 * <ul>
 *   <li>{@value #URL}: {@code postgresql://host[:port]/database?sslmode=verify-full&sslrootcert=/ca.pem}
 *       or the same as {@code jdbc:postgresql://…}; port 5432 by default; TLS required ({@code sslmode}
 *       {@code verify-full}, {@code verify-ca} or {@code require}); no credentials in it.</li>
 *   <li>{@value #USER}, {@value #PASSWORD}: the admin role there, which runs the migrations (and owns
 *       what they create) and creates the roles of {@code setup/postgres.yaml}: it needs CREATEROLE and
 *       the right to create in the database's schema {@code public}, not superuser.</li>
 * </ul>
 * When {@value #URL} is not set, neither may the other two be (they would be ignored silently).
 */
public record ExternalPostgres(String host, int port, String database, String query, String user, String password) {

    public static final String URL = "BAZAAR_POSTGRES_URL";
    public static final String USER = "BAZAAR_POSTGRES_USER";
    public static final String PASSWORD = "BAZAAR_POSTGRES_PASSWORD";
    static final int DEFAULT_PORT = 5432;
    private static final Set<String> TLS_MODES = Set.of("require", "verify-ca", "verify-full");

    /** The external server the environment names, empty when {@value #URL} is unset or blank. */
    public static Optional<ExternalPostgres> fromEnv(Map<String, String> env) {
        String url = value(env, URL);
        if (url == null) {
            Stream.of(USER, PASSWORD).filter(key -> value(env, key) != null).findFirst().ifPresent(key -> {
                throw new IllegalArgumentException("environment variable " + key + " is set but " + URL + " is not: set "
                        + URL + " to use an external PostgreSQL server, or unset " + key + " to use the embedded one");
            });
            return Optional.empty();
        }
        URI uri = parse(url.strip());
        return Optional.of(new ExternalPostgres(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                database(uri), query(uri), required(env, USER), required(env, PASSWORD)));
    }

    /** Where the platform reaches it, as its admin role. */
    public PostgresTarget target() {
        return new PostgresTarget(host, port, database, query, user, () -> password, true);
    }

    private static URI parse(String url) {
        String bare = url.regionMatches(true, 0, "jdbc:", 0, 5) ? url.substring(5) : url;
        URI uri;
        try {
            uri = new URI(bare);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("environment variable " + URL + " is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException("environment variable " + URL + " must be a postgresql:// or "
                    + "jdbc:postgresql:// URL, such as postgresql://db.example.com:5432/bazaar?sslmode=verify-full"
                    + "&sslrootcert=/etc/ssl/db-ca.pem");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("environment variable " + URL + " must not hold credentials: set them in "
                    + USER + " and " + PASSWORD);
        }
        if (uri.getHost() == null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("environment variable " + URL + " must name one host (and no fragment), "
                    + "such as postgresql://db.example.com:5432/bazaar?sslmode=verify-full, not " + url);
        }
        return uri;
    }

    private static String database(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("environment variable " + URL + " must name the database as its path, "
                    + "such as postgresql://" + uri.getHost() + "/bazaar?sslmode=verify-full");
        }
        return database;
    }

    /** The query as given, once it is known to require TLS. */
    private static String query(URI uri) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String mode = Arrays.stream(query.split("&")).filter(pair -> pair.startsWith("sslmode="))
                .map(pair -> pair.substring("sslmode=".length()).toLowerCase(Locale.ROOT)).reduce((first, last) -> last)
                .orElse("");
        if (!TLS_MODES.contains(mode)) {
            throw new IllegalArgumentException("environment variable " + URL + " must require TLS: sslmode=verify-full "
                    + "(with sslrootcert=<the server's CA, PEM>), verify-ca or require, not "
                    + (mode.isEmpty() ? "no sslmode" : "sslmode=" + mode));
        }
        return query;
    }

    private static String required(Map<String, String> env, String key) {
        String value = value(env, key);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + key + " is required when " + URL + " is set");
        }
        return value;
    }

    private static String value(Map<String, String> env, String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "ExternalPostgres[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
