package dev.bazaar.platform.cli;

import dev.bazaar.platform.postgres.PostgresServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bazaar postgres url}: what psql and any libpq or JDBC client needs to reach the platform's PostgreSQL. */
@Command(name = "postgres", mixinStandardHelpOptions = true, description = "The platform's PostgreSQL server.",
        subcommands = PostgresCommand.Url.class)
final class PostgresCommand {

    /** The URL with the role's password and the CA, like {@code client-properties} for Kafka. */
    @Command(name = "url", mixinStandardHelpOptions = true,
            description = "Print a libpq URL (TLS verified against the platform CA, the role's password): psql \"$(./bazaar postgres url)\"; "
                    + "keep it private.")
    static final class Url implements Callable<Integer> {

        @Option(names = "--role", defaultValue = PostgresServer.ADMIN, description = "The role (default ${DEFAULT-VALUE}, the superuser).")
        private String role;

        @Option(names = "--database", defaultValue = PostgresServer.DATABASE, description = "The database (default ${DEFAULT-VALUE}).")
        private String database;

        @Option(names = "--jdbc", description = "Print the JDBC URL instead (without the password: pass it as the property password).")
        private boolean jdbc;

        @Override
        public Integer call() {
            if (!role.equals(PostgresServer.ADMIN)) {
                throw new IllegalArgumentException("unknown role '" + role + "': expected " + PostgresServer.ADMIN);
            }
            PostgresServer postgres = Bazaar.platform().postgres();
            System.out.println(jdbc ? postgres.jdbcUrl(database) + "&user=" + role
                    : postgres.libpqUrl(role, postgres.adminPassword(), database));
            return 0;
        }
    }

    private PostgresCommand() {
    }
}
