package dev.bazaar.setup;

import java.util.Arrays;
import java.util.Locale;

/**
 * A privilege a PostgreSQL role may hold on a table, view or sequence, with the kinds it applies to as
 * PostgreSQL defines them: a sequence takes {@code USAGE}, {@code SELECT} and {@code UPDATE} only, and
 * {@code USAGE} applies to sequences only. There is no {@code ALL}: a grant lists what its job does, so
 * a privilege a later PostgreSQL adds is not granted by default.
 */
public enum PostgresPrivilege {
    SELECT(true, true), INSERT(true, false), UPDATE(true, true), DELETE(true, false), TRUNCATE(true, false),
    REFERENCES(true, false), TRIGGER(true, false), USAGE(false, true);

    private final boolean onRelations;
    private final boolean onSequences;

    PostgresPrivilege(boolean onRelations, boolean onSequences) {
        this.onRelations = onRelations;
        this.onSequences = onSequences;
    }

    /** Whether PostgreSQL grants it on {@code kind}: tables and views take the same privileges. */
    public boolean appliesTo(PostgresGrantSpec.Kind kind) {
        return kind == PostgresGrantSpec.Kind.SEQUENCE ? onSequences : onRelations;
    }

    /** The privilege named {@code value} in any case; fails listing the known ones. */
    public static PostgresPrivilege parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an empty privilege: expected one of " + known());
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.equals("ALL") || name.equals("ALL PRIVILEGES")) {
            throw new IllegalArgumentException("privilege ALL is refused: list what the job does, from " + known());
        }
        return Arrays.stream(values()).filter(privilege -> privilege.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown privilege '" + value.strip() + "': expected one of "
                        + known()));
    }

    /** The privileges PostgreSQL grants on {@code kind}, in a fixed order. */
    public static String known(PostgresGrantSpec.Kind kind) {
        return Arrays.toString(Arrays.stream(values()).filter(privilege -> privilege.appliesTo(kind)).toArray());
    }

    private static String known() {
        return Arrays.toString(values());
    }
}
