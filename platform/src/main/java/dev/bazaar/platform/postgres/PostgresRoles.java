package dev.bazaar.platform.postgres;

import dev.bazaar.common.Secrets;
import dev.bazaar.platform.postgres.GrantPlan.Relation;
import dev.bazaar.setup.PostgresGrantSpec;
import dev.bazaar.setup.PostgresGrantSpec.Kind;
import dev.bazaar.setup.PostgresPrivilege;
import dev.bazaar.setup.PostgresRoleSpec;
import dev.bazaar.setup.PostgresSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the server's roles what {@code setup/postgres.yaml} says, at every start and idempotently:
 * each declared role exists, logs in with its generated password (secret {@code postgres-<role>}, set
 * again when it no longer logs in with it), is no superuser and may not create roles, databases or
 * anything in schema {@code public}, has {@code REPLICATION} exactly when its entry says
 * {@code replication: true}, and holds exactly its declared privileges on the tables, views and
 * sequences the migrations created. A role this file declared before and no longer does keeps no
 * privilege or attribute and cannot log in. The passwords reach the server as SCRAM verifiers computed
 * here, never as text.
 */
public final class PostgresRoles {

    private static final Logger log = LoggerFactory.getLogger(PostgresRoles.class);
    /** The comment that marks a role as this file's, so that a role removed from it can be found. */
    static final String MARK = "managed by bazaar (setup/postgres.yaml)";
    private static final int LOGIN_CHECK_SECONDS = 5;

    private final PostgresSpec spec;
    private final Secrets secrets;

    public PostgresRoles(PostgresSpec spec, Secrets secrets) {
        this.spec = spec;
        this.secrets = secrets;
    }

    /** Applies the roles and their grants on {@code target}'s database; returns a line per role. */
    public List<String> apply(PostgresTarget target) {
        List<String> lines = new ArrayList<>();
        try (Connection admin = target.connectAdmin()) {
            for (PostgresRoleSpec role : spec.roles()) {
                lines.add(ensureRole(admin, target, role));
            }
            lines.addAll(applyGrants(admin, target));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply the roles of setup/postgres.yaml on " + target.plainUrl()
                    + " as " + target.adminUser() + ": " + e.getMessage(), e);
        }
        return lines;
    }

    /** Creates the role or corrects its attributes and password; returns what it did, in words. */
    private String ensureRole(Connection admin, PostgresTarget target, PostgresRoleSpec role) throws SQLException {
        String password = secrets.password(role.secretName());
        List<String> done = new ArrayList<>();
        RoleAttributes wanted = RoleAttributes.declared(role);
        RoleAttributes attributes = RoleAttributes.read(admin, role.name());
        if (attributes == null) {
            execute(admin, "CREATE ROLE " + quote(role.name()) + " " + wanted.options());
            setPassword(admin, role.name(), password);
            done.add(role.replication() ? "created with REPLICATION" : "created");
        } else {
            String corrections = attributes.correctionsTo(wanted);
            if (!corrections.isEmpty()) {
                execute(admin, "ALTER ROLE " + quote(role.name()) + " " + corrections);
                done.add("set " + corrections);
            }
            if (!logsIn(target, role.name(), password)) {
                setPassword(admin, role.name(), password);
                done.add("password set from var/secrets/" + role.secretName() + ".password");
            }
        }
        execute(admin, "COMMENT ON ROLE " + quote(role.name()) + " IS " + literal(MARK + ": " + role.job()));
        String summary = role.name() + ": " + (done.isEmpty() ? "unchanged" : String.join(", ", done));
        log.info("PostgreSQL role {}", summary);
        return summary;
    }

    /** Grants and revokes, for every declared and retired role, in one transaction. */
    private List<String> applyGrants(Connection admin, PostgresTarget target) throws SQLException {
        List<String> lines = new ArrayList<>();
        admin.setAutoCommit(false);
        try {
            Map<String, Kind> kinds = relationKinds(admin);
            revokeCreateOnPublic(admin);
            for (PostgresRoleSpec role : spec.roles()) {
                lines.add(applyPlan(admin, role.name(), declared(role, kinds)));
                ensureConnectAndUsage(admin, target.database(), role.name());
            }
            for (String retired : retiredRoles(admin)) {
                lines.add(applyPlan(admin, retired, Map.of()));
                retire(admin, retired);
                lines.add(retired + ": no longer in setup/postgres.yaml, cannot log in (NOLOGIN), not dropped");
            }
            checkNoCreateOnPublic(admin);
            admin.commit();
        } catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(true);
        }
        return lines;
    }

    /** Takes the login and every attribute from a role the file no longer declares, where it still has them. */
    private static void retire(Connection admin, String role) throws SQLException {
        RoleAttributes attributes = RoleAttributes.read(admin, role);
        String corrections = attributes == null ? "" : attributes.correctionsTo(RoleAttributes.retired());
        if (!corrections.isEmpty()) {
            execute(admin, "ALTER ROLE " + quote(role) + " " + corrections);
            log.info("PostgreSQL role {} retired: set {}", role, corrections);
        }
    }

    private String applyPlan(Connection admin, String role, Map<Relation, Set<String>> declared) throws SQLException {
        GrantPlan plan = GrantPlan.between(declared, held(admin, role));
        for (String statement : plan.statements(role)) {
            execute(admin, statement);
        }
        String summary = role + " grants: " + (plan.unchanged() ? "unchanged" : String.join("; ", plan.changes()));
        log.info("PostgreSQL {}", summary);
        return summary;
    }

    /** The role's declared privileges; fails naming the entry when a relation is missing or of another kind. */
    private static Map<Relation, Set<String>> declared(PostgresRoleSpec role, Map<String, Kind> kinds) {
        Map<Relation, Set<String>> declared = new HashMap<>();
        for (PostgresGrantSpec grant : role.grants()) {
            String what = grant.kind() + " " + grant.relation();
            Kind kind = kinds.get(grant.relation());
            if (kind == null) {
                throw new IllegalStateException("setup/postgres.yaml: role '" + role.name() + "' is granted on " + what
                        + ", which no migration of setup/postgres/migrations/ created in schema public");
            }
            if (kind != grant.kind()) {
                throw new IllegalStateException("setup/postgres.yaml: role '" + role.name() + "' is granted on " + what
                        + ", which is a " + kind + ": write '" + kind + ":'");
            }
            declared.put(new Relation(grant.relation(), grant.sequence()), grant.privileges().stream()
                    .map(PostgresPrivilege::name).collect(Collectors.toCollection(TreeSet::new)));
        }
        return declared;
    }

    /** The tables, views and sequences of schema {@code public} by name, with their kind as the file writes it. */
    private static Map<String, Kind> relationKinds(Connection admin) throws SQLException {
        Map<String, Kind> kinds = new HashMap<>();
        try (Statement statement = admin.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT c.relname, CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' WHEN c.relkind IN ('v', 'm') THEN 'VIEW' "
                        + "ELSE 'TABLE' END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')")) {
            while (rows.next()) {
                kinds.put(rows.getString(1), Kind.valueOf(rows.getString(2)));
            }
        }
        return kinds;
    }

    /** What {@code role} holds, granted to it by name, on the tables, views and sequences of schema {@code public}. */
    private static Map<Relation, Set<String>> held(Connection admin, String role) throws SQLException {
        Map<Relation, Set<String>> held = new HashMap<>();
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT c.relname, c.relkind = 'S', a.privilege_type FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a "
                        + "WHERE n.nspname = 'public' AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?)")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.computeIfAbsent(new Relation(rows.getString(1), rows.getBoolean(2)), r -> new TreeSet<>())
                            .add(rows.getString(3));
                }
            }
        }
        return held;
    }

    /** Roles a former version of the file declared (they carry its mark) that it no longer declares. */
    private List<String> retiredRoles(Connection admin) throws SQLException {
        List<String> retired = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT rolname FROM pg_roles "
                + "WHERE starts_with(coalesce(shobj_description(oid, 'pg_authid'), ''), ?) ORDER BY rolname")) {
            query.setString(1, MARK);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (spec.role(rows.getString(1)).isEmpty()) {
                        retired.add(rows.getString(1));
                    }
                }
            }
        }
        return retired;
    }

    /**
     * Takes CREATE on schema {@code public} from PUBLIC when it has it (PostgreSQL before 15 grants it),
     * so that no role may create objects there; only when needed, so an admin that does not own the
     * schema can still apply the rest.
     */
    private static void revokeCreateOnPublic(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a "
                        + "WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE')")) {
            rows.next();
            if (rows.getBoolean(1)) {
                execute(admin, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                log.info("PostgreSQL: revoked CREATE on schema public from PUBLIC");
            }
        }
    }

    /** A role may connect to the database and see schema {@code public} (PUBLIC may on a new database; not always). */
    private static void ensureConnectAndUsage(Connection admin, String database, String role) throws SQLException {
        if (!test(admin, "SELECT has_database_privilege(?, current_database(), 'CONNECT')", role)) {
            execute(admin, "GRANT CONNECT ON DATABASE " + quote(database) + " TO " + quote(role));
        }
        if (!test(admin, "SELECT has_schema_privilege(?, 'public', 'USAGE')", role)) {
            execute(admin, "GRANT USAGE ON SCHEMA public TO " + quote(role));
        }
        if (test(admin, "SELECT has_schema_privilege(?, 'public', 'CREATE')", role)) {
            execute(admin, "REVOKE CREATE ON SCHEMA public FROM " + quote(role));
        }
    }

    /** Fails when a role of the file may still create in schema {@code public} (through another role it is a member of). */
    private void checkNoCreateOnPublic(Connection admin) throws SQLException {
        for (PostgresRoleSpec role : spec.roles()) {
            if (test(admin, "SELECT has_schema_privilege(?, 'public', 'CREATE')", role.name())) {
                throw new IllegalStateException("PostgreSQL role " + role.name() + " may still CREATE in schema public "
                        + "(through a role it is a member of): revoke it there");
            }
        }
    }

    /** True when the role logs in with {@code password} now. */
    private static boolean logsIn(PostgresTarget target, String role, String password) {
        try (Connection connection = target.connect(role, password)) {
            return connection.isValid(LOGIN_CHECK_SECONDS);
        } catch (SQLException e) {
            log.info("PostgreSQL role {} does not log in with its secret ({}): setting its password", role, e.getSQLState());
            return false;
        }
    }

    /** Sets the password as a SCRAM-SHA-256 verifier computed by the driver: the text never reaches the server or its log. */
    private static void setPassword(Connection admin, String role, String password) throws SQLException {
        admin.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private static boolean test(Connection admin, String sql, String role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void execute(Connection admin, String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code name} as a quoted SQL identifier. */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
