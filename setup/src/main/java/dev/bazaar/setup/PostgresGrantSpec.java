package dev.bazaar.setup;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a PostgreSQL role's grants: privileges on one table or view of schema {@code public}
 * (for PostgreSQL's {@code GRANT … ON TABLE} both are tables; the file says which it means).
 */
public record PostgresGrantSpec(String relation, boolean view, Set<PostgresPrivilege> privileges) {

    public PostgresGrantSpec {
        PostgresIdentifier.check(relation, view ? "view" : "table");
        if (privileges == null || privileges.isEmpty()) {
            throw new IllegalArgumentException("grant on " + relation + " lists no privileges");
        }
        privileges = Set.copyOf(privileges);
    }

    /** A grant as the file writes it: exactly one of {@code table} and {@code view}, privileges by name. */
    static PostgresGrantSpec of(String table, String view, List<String> privileges) {
        if ((table == null) == (view == null)) {
            throw new IllegalArgumentException("a grant names exactly one of 'table' and 'view', not "
                    + (table == null ? "neither" : "both (" + table + ", " + view + ")"));
        }
        String relation = table != null ? table : view;
        if (privileges == null || privileges.isEmpty()) {
            throw new IllegalArgumentException("grant on " + relation + " lists no privileges");
        }
        try {
            return new PostgresGrantSpec(relation, view != null,
                    EnumSet.copyOf(privileges.stream().map(PostgresPrivilege::parse).toList()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grant on " + relation + ": " + e.getMessage(), e);
        }
    }

    /** The privileges in a fixed order, comma-separated, for a {@code GRANT} statement. */
    public String privilegeList() {
        return String.join(", ", EnumSet.copyOf(privileges).stream().map(Enum::name).toList());
    }
}
