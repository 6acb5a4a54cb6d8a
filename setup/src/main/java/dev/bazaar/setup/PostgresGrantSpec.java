package dev.bazaar.setup;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of a PostgreSQL role's grants: privileges on one table, view or sequence of schema
 * {@code public}. For PostgreSQL's {@code GRANT … ON TABLE} tables and views are both tables; the file
 * says which it means, so a grant on the wrong kind fails naming it. A sequence takes only its own
 * privileges ({@code USAGE}, {@code SELECT}, {@code UPDATE}): an {@code INSERT} into a {@code serial}
 * table needs {@code USAGE} on the table's sequence.
 */
public record PostgresGrantSpec(String relation, Kind kind, Set<PostgresPrivilege> privileges) {

    /** What a grant is on: the key that names it in the file. */
    public enum Kind {
        TABLE, VIEW, SEQUENCE;

        /** The key in {@code setup/postgres.yaml}: {@code table}, {@code view} or {@code sequence}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PostgresGrantSpec {
        Objects.requireNonNull(kind, "kind");
        PostgresIdentifier.check(relation, kind.toString());
        if (privileges == null || privileges.isEmpty()) {
            throw new IllegalArgumentException("grant on " + relation + " lists no privileges");
        }
        privileges = Set.copyOf(privileges);
        List<PostgresPrivilege> foreign = EnumSet.copyOf(privileges).stream()
                .filter(privilege -> !privilege.appliesTo(kind)).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(foreign.stream().map(Enum::name).collect(Collectors.joining(", "))
                    + " cannot be granted on a " + kind + ", which takes " + PostgresPrivilege.known(kind)
                    + (kind == Kind.SEQUENCE ? " (INSERT into a serial table needs USAGE on its sequence)"
                            : " (USAGE is for sequences: write 'sequence:')"));
        }
    }

    /** A grant as the file writes it: exactly one of {@code table}, {@code view} and {@code sequence}, privileges by name. */
    static PostgresGrantSpec of(String table, String view, String sequence, List<String> privileges) {
        Map<Kind, String> named = new EnumMap<>(Kind.class);
        if (table != null) {
            named.put(Kind.TABLE, table);
        }
        if (view != null) {
            named.put(Kind.VIEW, view);
        }
        if (sequence != null) {
            named.put(Kind.SEQUENCE, sequence);
        }
        if (named.size() != 1) {
            throw new IllegalArgumentException("a grant names exactly one of 'table', 'view' and 'sequence', not "
                    + (named.isEmpty() ? "none" : "several (" + String.join(", ", named.values()) + ")"));
        }
        Map.Entry<Kind, String> relation = named.entrySet().iterator().next();
        if (privileges == null || privileges.isEmpty()) {
            throw new IllegalArgumentException("grant on " + relation.getValue() + " lists no privileges");
        }
        try {
            return new PostgresGrantSpec(relation.getValue(), relation.getKey(),
                    EnumSet.copyOf(privileges.stream().map(PostgresPrivilege::parse).toList()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grant on " + relation.getValue() + ": " + e.getMessage(), e);
        }
    }

    public boolean view() {
        return kind == Kind.VIEW;
    }

    public boolean sequence() {
        return kind == Kind.SEQUENCE;
    }

    /** The privileges in a fixed order, comma-separated, for a {@code GRANT} statement. */
    public String privilegeList() {
        return String.join(", ", EnumSet.copyOf(privileges).stream().map(Enum::name).toList());
    }
}
