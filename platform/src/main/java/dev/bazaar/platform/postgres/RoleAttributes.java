package dev.bazaar.platform.postgres;

import dev.bazaar.setup.PostgresRoleSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes of a role that the platform decides: a job's role logs in, holds none of the powers
 * no job needs, and replicates only when {@code setup/postgres.yaml} says so; a retired role holds no
 * attribute at all. Only attributes that differ are altered, because an admin that is not a superuser
 * may not even restate SUPERUSER, REPLICATION or BYPASSRLS.
 */
record RoleAttributes(boolean login, boolean superuser, boolean createDb, boolean createRole, boolean replication,
        boolean bypassRls) {

    /** What a declared role has: LOGIN, and REPLICATION when its entry says {@code replication: true}. */
    static RoleAttributes declared(PostgresRoleSpec role) {
        return new RoleAttributes(true, false, false, false, role.replication(), false);
    }

    /** What a role removed from the file keeps: nothing, not even its login. */
    static RoleAttributes retired() {
        return new RoleAttributes(false, false, false, false, false, false);
    }

    /** The role's attributes, or null when it does not exist. */
    static RoleAttributes read(Connection admin, String role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, "
                + "rolreplication, rolbypassrls FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new RoleAttributes(rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3),
                        rows.getBoolean(4), rows.getBoolean(5), rows.getBoolean(6)) : null;
            }
        }
    }

    /** Every attribute, as the options of a {@code CREATE ROLE}. */
    String options() {
        return String.join(" ", option(login, "LOGIN"), option(superuser, "SUPERUSER"), option(createDb, "CREATEDB"),
                option(createRole, "CREATEROLE"), option(replication, "REPLICATION"), option(bypassRls, "BYPASSRLS"));
    }

    /** The options of an {@code ALTER ROLE} that turns these (held) attributes into {@code wanted}; empty when they are. */
    String correctionsTo(RoleAttributes wanted) {
        List<String> options = new ArrayList<>();
        correct(options, login, wanted.login, "LOGIN");
        correct(options, superuser, wanted.superuser, "SUPERUSER");
        correct(options, createDb, wanted.createDb, "CREATEDB");
        correct(options, createRole, wanted.createRole, "CREATEROLE");
        correct(options, replication, wanted.replication, "REPLICATION");
        correct(options, bypassRls, wanted.bypassRls, "BYPASSRLS");
        return String.join(" ", options);
    }

    private static void correct(List<String> options, boolean held, boolean wanted, String attribute) {
        if (held != wanted) {
            options.add(option(wanted, attribute));
        }
    }

    private static String option(boolean on, String attribute) {
        return on ? attribute : "NO" + attribute;
    }
}
