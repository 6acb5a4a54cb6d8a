package dev.bazaar.connectors.jdbc;

import java.util.Optional;

/** A table, optionally schema-qualified, as the {@code table} setting names it; quoted in SQL so it is never folded. */
record TableName(Optional<String> schema, String name) {

    /**
     * Parses {@code name} or {@code schema.name}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static TableName parse(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("expected table or schema.table");
        }
        for (String part : parts) {
            if (!ColumnMapping.IDENTIFIER.matcher(part).matches()) {
                throw new IllegalArgumentException("'" + part + "' is not a name (lower-case letters, digits and _, "
                        + "not starting with a digit, at most 63)");
            }
        }
        return parts.length == 2 ? new TableName(Optional.of(parts[0]), parts[1]) : new TableName(Optional.empty(), parts[0]);
    }

    /** The name as SQL text, each part double-quoted: {@code "public"."product_events"}. */
    String quoted() {
        return schema.map(s -> quote(s) + ".").orElse("") + quote(name);
    }

    static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    public String toString() {
        return schema.map(s -> s + ".").orElse("") + name;
    }
}
