package dev.bazaar.connectors.jdbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One column of the target table and where its value comes from: {@code column=source|source|...},
 * the first source that is present and not null wins (see {@link JdbcSinkConfig} for the syntax).
 */
record ColumnMapping(String column, List<ValueSource> sources) {

    /** A PostgreSQL identifier as the sink writes it: lower case, quoted in SQL, so never folded. */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    ColumnMapping {
        sources = List.copyOf(sources);
    }

    /**
     * Parses one entry, {@code column=source|source}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code entry}
     */
    static ColumnMapping parse(String entry) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + entry.strip() + "' is not column=source");
        }
        String column = entry.substring(0, equals).strip();
        if (!IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("'" + column + "' is not a column name (lower-case letters, digits "
                    + "and _, not starting with a digit, at most 63)");
        }
        List<ValueSource> sources = new ArrayList<>();
        for (String source : entry.substring(equals + 1).split("\\|", -1)) {
            try {
                sources.add(ValueSource.parse(source));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + column + ": " + e.getMessage(), e);
            }
        }
        return new ColumnMapping(column, sources);
    }

    /**
     * Parses every entry, refusing an empty list and a column named twice.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    static List<ColumnMapping> parseAll(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("at least one column=source is required");
        }
        List<ColumnMapping> mappings = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (String entry : entries) {
            ColumnMapping mapping = parse(entry);
            if (!columns.add(mapping.column())) {
                throw new IllegalArgumentException("column " + mapping.column() + " is mapped twice");
            }
            mappings.add(mapping);
        }
        return List.copyOf(mappings);
    }

    /** The sources as written, for messages: {@code userId|client_id}. */
    String describeSources() {
        return sources.stream().map(ValueSource::describe).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return column + "=" + describeSources();
    }
}
