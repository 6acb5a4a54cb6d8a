package dev.bazaar.platform.postgres;

import dev.bazaar.setup.PostgresSpec;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema of the platform's database, as Flyway migrations in {@code setup/postgres/migrations/}
 * ({@code V<n>__<what>.sql}, never edited once applied: a change is a new file), run at every start of
 * the component as the admin role, so the tables exist before any role is granted on them. A migration
 * that fails stops the start with Flyway's message, which names the file.
 */
public final class PostgresMigrations {

    private static final Logger log = LoggerFactory.getLogger(PostgresMigrations.class);

    private final String location;

    /** The migrations of {@code setup/postgres/migrations/}. */
    public PostgresMigrations() {
        this(PostgresSpec.MIGRATIONS);
    }

    /** The migrations at a Flyway location ({@code classpath:…} or {@code filesystem:…}). */
    public PostgresMigrations(String location) {
        this.location = location;
    }

    /** Applies the pending migrations; returns a line per migration applied, or one saying the schema is current. */
    public List<String> migrate(PostgresTarget target) {
        Flyway flyway = Flyway.configure(PostgresMigrations.class.getClassLoader())
                .dataSource(target.jdbcUrl(), target.adminUser(), target.adminPassword().get())
                .locations(location)
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("a migration of " + location + " failed on " + target.plainUrl() + ": "
                    + e.getMessage(), e);
        }
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        log.info("PostgreSQL schema at {}: version {} -> {}, {} migration(s) applied in {} ms", target.plainUrl(),
                Objects.requireNonNullElse(result.initialSchemaVersion, "none"), version, result.migrationsExecuted, result.getTotalMigrationTime());
        if (result.migrationsExecuted == 0) {
            return List.of("schema current at version " + version);
        }
        return result.migrations.stream()
                .map(m -> "applied V" + m.version + " " + m.description + " (" + m.executionTime + " ms)").toList();
    }
}
