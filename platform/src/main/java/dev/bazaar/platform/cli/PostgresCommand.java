package dev.bazaar.platform.cli;

import dev.bazaar.platform.postgres.PostgresComponent;
import dev.bazaar.platform.postgres.PostgresServer;
import dev.bazaar.platform.postgres.PostgresTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bazaar postgres url}: what psql and any libpq or JDBC client needs to reach the platform's PostgreSQL. */
@Command(name = "postgres", mixinStandardHelpOptions = true, description = "The platform's PostgreSQL server.",
        subcommands = PostgresCommand.Url.class)
final class PostgresCommand {

    /** The URL with the role's password and the CA, like {@code client-properties} for Kafka. */
    @Command(name = "url", mixinStandardHelpOptions = true,
            description = "Print a libpq URL (TLS verified against the platform CA, the role's password): "
                    + "psql \"$(./bazaar postgres url --role reader)\"; keep it private. The embedded server, or the "
                    + "external one of BAZAAR_POSTGRES_URL.")
    static final class Url implements Callable<Integer> {

        @Option(names = "--role", defaultValue = PostgresServer.ADMIN,
                description = "The role: ${DEFAULT-VALUE} (the default: the admin, a superuser on the embedded server; "
                        + "BAZAAR_POSTGRES_USER on an external one) or a role of setup/postgres.yaml (connect, reader...).")
        private String role;

        @Option(names = "--database", description = "The database (default: the platform's, bazaar on the embedded server).")
        private String database;

        @Option(names = "--jdbc", description = "Print the JDBC URL instead, with user and password as parameters.")
        private boolean jdbc;

        @Override
        public Integer call() {
            PostgresComponent postgres = (PostgresComponent) Bazaar.platform().catalog().component(PostgresServer.COMPONENT);
            String password = postgres.password(role);
            PostgresTarget target = database == null ? postgres.target() : postgres.target().withDatabase(database);
            String user = postgres.user(role);
            System.out.println(jdbc ? withParameters(target.jdbcUrl(), user, password) : target.libpqUrl(user, password));
            return 0;
        }

        private static String withParameters(String url, String user, String password) {
            return url + (url.contains("?") ? "&" : "?") + "user=" + PostgresTarget.encodeValue(user) + "&password="
                    + PostgresTarget.encodeValue(password);
        }
    }

    private PostgresCommand() {
    }
}
