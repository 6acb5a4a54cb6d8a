package dev.bazaar.platform.postgres;

import dev.bazaar.common.Secrets;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.component.Component;
import dev.bazaar.platform.component.StartContext;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.Poll;
import dev.bazaar.setup.PostgresSpec;
import dev.bazaar.ssl.TlsIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL as a component: the embedded server ({@link PostgresServer}), or an external one when the
 * environment names it ({@link ExternalPostgres}: then no process, and ready when its admin logs in).
 * Either way its start brings the schema to the migrations of {@code setup/postgres/migrations/} and
 * the roles to {@code setup/postgres.yaml}, in that order (grants need the tables); the embedded
 * server's {@code pg_hba.conf} follows that file's replication roles, reloaded when they change while it
 * runs (an external server's is its administrator's). It offers the
 * endpoints {@value #ENDPOINT} (libpq address) and {@value #JDBC_ENDPOINT} (what a connector config
 * names as {@code ${postgres-jdbc.url}}).
 */
public final class PostgresComponent implements Component {

    /** The endpoint {@code postgresql://host:port/bazaar}: where it is, for people and {@code up}'s output. */
    public static final String ENDPOINT = PostgresServer.COMPONENT;
    /** The endpoint of JDBC clients: the platform's database with its TLS settings, without credentials. */
    public static final String JDBC_ENDPOINT = "postgres-jdbc";

    private static final Logger log = LoggerFactory.getLogger(PostgresComponent.class);
    private static final int LOGIN_CHECK_SECONDS = 5;

    private final PostgresServer server;
    private final Optional<ExternalPostgres> external;
    private final Supplier<PostgresSpec> spec;
    private final Secrets secrets;
    private final PostgresMigrations migrations;

    /** The embedded server, or the external one when {@code external} is present; the roles of {@code setup/postgres.yaml}. */
    public PostgresComponent(PostgresServer server, Optional<ExternalPostgres> external, Secrets secrets) {
        this(server, external, PostgresSpec::load, secrets, new PostgresMigrations());
    }

    PostgresComponent(PostgresServer server, Optional<ExternalPostgres> external, Supplier<PostgresSpec> spec,
            Secrets secrets, PostgresMigrations migrations) {
        this.server = server;
        this.external = external;
        this.spec = spec;
        this.secrets = secrets;
        this.migrations = migrations;
    }

    /** The embedded server, whether or not it is the one in use ({@link #external()}). */
    public PostgresServer server() {
        return server;
    }

    public Optional<ExternalPostgres> external() {
        return external;
    }

    /** Where the platform's PostgreSQL is, embedded or external, and how its admin logs in. */
    public PostgresTarget target() {
        return external.map(ExternalPostgres::target).orElseGet(server::target);
    }

    /** The roles of {@code setup/postgres.yaml}. */
    public PostgresSpec spec() {
        return spec.get();
    }

    /**
     * The password of {@code role}: the admin's ({@link PostgresServer#ADMIN}) or a declared role's secret;
     * fails when the role is unknown (listing the roles) or has no password yet (PostgreSQL never started).
     */
    public String password(String role) {
        if (role.equals(PostgresServer.ADMIN)) {
            if (external.isEmpty() && !secrets.exists(PostgresServer.ADMIN_SECRET)) {
                throw new IllegalStateException("the admin role " + role + " has no password yet: ./bazaar up creates it");
            }
            return target().adminPassword().get();
        }
        String secret = spec().role(role).orElseThrow(() -> new IllegalArgumentException("unknown PostgreSQL role '"
                + role + "': the roles are " + PostgresServer.ADMIN + " (the admin) and those of setup/postgres.yaml: "
                + String.join(", ", spec().roleNames()))).secretName();
        if (!secrets.exists(secret)) {
            throw new IllegalStateException("role " + role + " has no password yet: the start of PostgreSQL "
                    + "(./bazaar up) creates it");
        }
        return secrets.password(secret);
    }

    /** The user name of {@code role} on the server: the external admin's name for {@link PostgresServer#ADMIN}. */
    public String user(String role) {
        return role.equals(PostgresServer.ADMIN) ? target().adminUser() : role;
    }

    /** {@link PostgresServer#ADMIN} (the admin) and the roles of {@code setup/postgres.yaml}. */
    public List<String> roleNames() {
        return Stream.concat(Stream.of(PostgresServer.ADMIN), spec().roleNames().stream()).toList();
    }

    @Override
    public String name() {
        return PostgresServer.COMPONENT;
    }

    @Override
    public Set<String> dependencies() {
        return Set.of();
    }

    @Override
    public Optional<String> unavailable() {
        return external.isPresent() || server.built() ? Optional.empty() : Optional.of("not built (./bazaar build)");
    }

    @Override
    public List<TlsIdentity> tlsIdentities() {
        return external.isPresent() ? List.of() : List.of(new TlsIdentity(name(), "service", List.of(name())));
    }

    @Override
    public boolean up(StartContext context) {
        PostgresTarget target = target();
        boolean started = false;
        if (external.isPresent()) {
            log.info("PostgreSQL: using the external server {} as {}", target.plainUrl(), target.adminUser());
            awaitLogin(target, context.timeout());
        } else {
            List<String> replicationRoles = spec().replicationRoles();
            started = server.launch(replicationRoles);
            if (started) {
                context.progress().say(name(), "starting");
            }
            server.awaitReady(context.timeout());
            if (server.updateAccess(replicationRoles, context.timeout())) {
                context.progress().say(name(), "pg_hba.conf reloaded: replication for %s",
                        replicationRoles.isEmpty() ? "no role" : String.join(", ", replicationRoles));
            }
        }
        applySetup(context);
        return started;
    }

    /**
     * Runs the pending migrations of {@code setup/postgres/migrations/}, then applies the roles of
     * {@code setup/postgres.yaml}: what every start does once the server answers (and what
     * {@code setup apply} may do on a running one).
     */
    public void applySetup(StartContext context) {
        PostgresTarget target = target();
        context.progress().block("setup of postgres schema (setup/postgres/migrations):",
                indent(migrations.migrate(target)));
        context.progress().block("setup of postgres roles (setup/postgres.yaml):",
                indent(new PostgresRoles(spec(), secrets).apply(target)));
    }

    @Override
    public List<String> stop() {
        return external.isPresent() ? List.of() : server.stop();
    }

    @Override
    public List<ComponentStatus> status() {
        if (external.isPresent()) {
            return List.of(new ComponentStatus(name(), target().address() + " (external)", null,
                    logsIn(target()) ? ComponentStatus.State.HEALTHY : ComponentStatus.State.UNHEALTHY, "-"));
        }
        return server.built() ? List.of(server.status()) : List.of();
    }

    @Override
    public List<ManagedProcess> processes() {
        return external.isPresent() ? List.of() : List.of(server.process());
    }

    @Override
    public Map<String, String> endpoints() {
        PostgresTarget target = target();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(ENDPOINT, target.plainUrl());
        endpoints.put(JDBC_ENDPOINT, target.jdbcUrl());
        return endpoints;
    }

    @Override
    public String address() {
        return target().plainUrl();
    }

    /** An external server is ready when its admin logs in; it may still be starting, so this waits. */
    private static void awaitLogin(PostgresTarget target, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String why = "the connection was not valid";
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = target.connectAdmin()) {
                if (connection.isValid(LOGIN_CHECK_SECONDS)) {
                    return;
                }
            } catch (SQLException e) {
                if (refused(e)) {
                    throw new IllegalStateException(noLogin(target) + ": " + e.getMessage(), e);
                }
                why = e.getMessage();
                log.debug("PostgreSQL: no login at {} yet: {}", target.plainUrl(), why);
            }
            Poll.pause();
        }
        throw new IllegalStateException(noLogin(target) + " within " + timeout.toSeconds() + " s: " + why);
    }

    private static String noLogin(PostgresTarget target) {
        return "the external PostgreSQL server " + target.plainUrl() + " (" + ExternalPostgres.URL + ") did not let "
                + target.adminUser() + " (" + ExternalPostgres.USER + ", " + ExternalPostgres.PASSWORD + ") log in";
    }

    /** A login refused for good (password, role or database wrong), which waiting does not change. */
    private static boolean refused(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("28") || state.equals("3D000");
    }

    private static boolean logsIn(PostgresTarget target) {
        try (Connection connection = target.connectAdmin()) {
            return connection.isValid(LOGIN_CHECK_SECONDS);
        } catch (SQLException e) {
            log.debug("PostgreSQL: no login at {}: {}", target.plainUrl(), e.getMessage());
            return false;
        }
    }

    private static List<String> indent(List<String> lines) {
        return lines.stream().map(line -> "  " + line).toList();
    }
}
