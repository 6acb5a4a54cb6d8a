package dev.bazaar.setup;

import java.util.regex.Pattern;

/**
 * The names {@code setup/postgres.yaml} may use for roles, tables and views: lower-case unquoted
 * PostgreSQL identifiers, so a name means the same in SQL, psql and the file, and can be quoted
 * safely into a statement.
 */
final class PostgresIdentifier {

    /** Lower-case letters, digits and underscores, at most 63 bytes (PostgreSQL's NAMEDATALEN - 1). */
    static final Pattern LEGAL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresIdentifier() {
    }

    static void check(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + what + " without a name");
        }
        if (!LEGAL.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' must match " + LEGAL.pattern()
                    + " (a lower-case unquoted PostgreSQL identifier)");
        }
    }
}
