package dev.bazaar.platform.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes of an existing role that the platform decides: it logs in, and holds none of the
 * powers a job's role never needs. Only attributes that differ are altered, because an admin that is
 * not a superuser may not even restate SUPERUSER, REPLICATION or BYPASSRLS.
 */
record RoleAttributes(boolean login, boolean superuser, boolean createDb, boolean createRole, boolean replication,
        boolean bypassRls) {

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

    /** The options of an {@code ALTER ROLE} that makes these attributes right, empty when they are. */
    String corrections() {
        List<String> options = new ArrayList<>();
        if (!login) {
            options.add("LOGIN");
        }
        if (superuser) {
            options.add("NOSUPERUSER");
        }
        if (createDb) {
            options.add("NOCREATEDB");
        }
        if (createRole) {
            options.add("NOCREATEROLE");
        }
        if (replication) {
            options.add("NOREPLICATION");
        }
        if (bypassRls) {
            options.add("NOBYPASSRLS");
        }
        return String.join(" ", options);
    }
}
