package dev.bazaar.setup;

import java.util.Arrays;
import java.util.Locale;

/**
 * A privilege a PostgreSQL role may hold on a table or view. There is no {@code ALL}: a grant lists
 * what its job does, so a privilege a later PostgreSQL adds is not granted by default.
 */
public enum PostgresPrivilege {
    SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER;

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

    private static String known() {
        return Arrays.toString(values());
    }
}
