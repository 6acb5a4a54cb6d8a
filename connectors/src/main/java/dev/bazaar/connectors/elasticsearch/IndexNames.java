package dev.bazaar.connectors.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Elasticsearch's rules for index names, checked before a request can fail on them. */
final class IndexNames {

    private static final String FORBIDDEN = "\\/*?\"<>| ,#:";
    private static final int MAX_BYTES = 255;

    private IndexNames() {
    }

    /** Why {@code name} cannot name an index, or empty when it can. */
    static Optional<String> whyInvalid(String name) {
        if (name.isEmpty()) {
            return Optional.of("an index name must not be empty");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("an index name must be lower case");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("an index name must not be '.' or '..'");
        }
        if (name.startsWith("-") || name.startsWith("_") || name.startsWith("+")) {
            return Optional.of("an index name must not start with '-', '_' or '+'");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("an index name must be at most " + MAX_BYTES + " bytes");
        }
        return name.chars().filter(c -> FORBIDDEN.indexOf(c) >= 0).mapToObj(c -> (char) c).findFirst()
                .map(c -> "an index name must not contain '" + c + "'");
    }
}
