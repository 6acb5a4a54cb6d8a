package dev.bazaar.setup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PostgreSQL role: one job of the platform and exactly what that job may do to which table, view or
 * sequence. It logs in with a generated password ({@link #secretName()}), is never a superuser, and has
 * {@code REPLICATION} only when {@code replication} says so (a change data capture connector, which opens
 * a logical replication connection and creates its slot).
 */
public record PostgresRoleSpec(String name, String job, boolean replication, List<PostgresGrantSpec> grants) {

    /**
     * Names that are not ours to declare: the admin role, PostgreSQL's own, the PUBLIC pseudo-role, and
     * {@code all}, which in {@code pg_hba.conf} (where a replication role is named) means every role.
     */
    private static final Set<String> RESERVED = Set.of("bazaar", "postgres", "public", "none", "current_user",
            "session_user", "current_role", "all");

    public PostgresRoleSpec {
        PostgresIdentifier.check(name, "role");
        if (RESERVED.contains(name) || name.startsWith("pg_")) {
            throw new IllegalArgumentException("the name is reserved (the admin role bazaar, PostgreSQL's own roles "
                    + "postgres and pg_*, PUBLIC, pg_hba.conf's all)");
        }
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("lacks 'job': say which job logs in as it");
        }
        grants = grants == null ? List.of() : List.copyOf(grants);
        Set<String> relations = new HashSet<>();
        for (PostgresGrantSpec grant : grants) {
            if (!relations.add(grant.relation())) {
                throw new IllegalArgumentException(grant.relation() + " is granted on twice: list its privileges in one line");
            }
        }
    }

    /** The secret holding this role's password under {@code var/secrets}: {@code postgres-<name>} ({@code _} as {@code -}). */
    public String secretName() {
        return "postgres-" + name.replace('_', '-');
    }
}
