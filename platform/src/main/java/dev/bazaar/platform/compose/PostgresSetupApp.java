package dev.bazaar.platform.compose;

import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresMigrations;
import dev.bazaar.platform.postgres.PostgresRoles;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.platform.postgres.PostgresTarget;
import dev.bazaar.setup.PostgresSpec;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code compose/}'s setup-postgres service: brings the PostgreSQL server of the endpoints in
 * {@code BAZAAR_VAR} to the migrations of {@code setup/postgres/migrations/} and the roles of
 * {@code setup/postgres.yaml}, with the code {@code ./bazaar up} runs on the embedded server, as its admin
 * {@value PostgresServer#ADMIN}. Waits up to 5 minutes for the server to accept the admin.
 */
public final class PostgresSetupApp {

    private static final Logger log = LoggerFactory.getLogger(PostgresSetupApp.class);
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private PostgresSetupApp() {
    }

    public static void main(String[] args) {
        try {
            RuntimeLayout layout = new RuntimeLayout(Path.of(required(System.getenv(), "BAZAAR_VAR")));
            PostgresTarget target = target(layout);
            awaitAdmin(target);
            new PostgresMigrations().migrate(target).forEach(line -> System.out.println("  " + line));
            new PostgresRoles(PostgresSpec.load(), layout.secrets()).apply(target)
                    .forEach(line -> System.out.println("  " + line));
        } catch (RuntimeException e) {
            log.error("postgres setup failed: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    /** The server of the endpoints' {@code postgres-jdbc} URL, as its admin (whose password the secrets hold). */
    static PostgresTarget target(RuntimeLayout layout) {
        String jdbc = PlatformEndpoints.load(layout).serviceUrl(PostgresComponent.JDBC_ENDPOINT).orElseThrow(() ->
                new IllegalStateException(layout.endpointsFile() + " names no PostgreSQL server (service."
                        + PostgresComponent.JDBC_ENDPOINT + ".url)"));
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        Secrets secrets = layout.secrets();
        return new PostgresTarget(uri.getHost(), uri.getPort(), uri.getPath().substring(1),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), PostgresServer.ADMIN,
                () -> secrets.password(PostgresServer.ADMIN_SECRET), true);
    }

    private static void awaitAdmin(PostgresTarget target) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            try (Connection ignored = target.connectAdmin()) {
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL at " + target.address() + " did not accept "
                            + PostgresServer.ADMIN + " within " + DEADLINE.toMinutes() + " min: " + e.getMessage(), e);
                }
                log.info("waiting for PostgreSQL at {}: {}", target.address(), e.getMessage());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("postgres setup was interrupted", e);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: point it at the runtime folder to set up");
        }
        return value;
    }
}
