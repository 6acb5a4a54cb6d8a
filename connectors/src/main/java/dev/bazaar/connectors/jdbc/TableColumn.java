package dev.bazaar.connectors.jdbc;

import java.util.Optional;

/**
 * A column of the target table as PostgreSQL's catalog describes it.
 *
 * @param typeName {@code pg_type.typname}, of the base type for a domain
 * @param identity {@code a} for GENERATED ALWAYS AS IDENTITY, {@code d} for BY DEFAULT, empty otherwise
 * @param generated whether it is a generated (computed) column
 */
record TableColumn(String name, String typeName, boolean notNull, boolean hasDefault, String identity,
        boolean generated) {

    Optional<ColumnType> type() {
        return ColumnType.of(typeName);
    }

    /** Whether an INSERT must give it a value: NOT NULL and nothing else fills it in. */
    boolean required() {
        return notNull && !hasDefault && identity.isEmpty() && !generated;
    }

    /** Why the sink may not write it, when it may not: the database fills it in whatever it is given. */
    Optional<String> whyNotWritable() {
        if (identity.equals("a")) {
            return Optional.of("is GENERATED ALWAYS AS IDENTITY: the database sets it, leave it out");
        }
        if (generated) {
            return Optional.of("is a generated column: the database computes it, leave it out");
        }
        return type().isPresent() ? Optional.empty() : Optional.of("is of type " + typeName
                + ", which the sink cannot write (it writes " + ColumnType.supported() + ")");
    }
}
