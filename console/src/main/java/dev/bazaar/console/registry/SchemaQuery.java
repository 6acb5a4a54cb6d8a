package dev.bazaar.console.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a subject's page was asked to show, read from its query: the schema of one version
 * ({@code version=N} or {@code latest}, the latest by default) and, when asked, the changes between two
 * versions ({@code diff=A..B}, or {@code from=A&to=B} as the page's form sends them). A value that is
 * no version is refused with a message naming the parameter and the value.
 *
 * @param version the version whose schema is shown
 * @param diff the two versions to compare, when asked
 */
public record SchemaQuery(Selector version, Optional<Comparison> diff) {

    /** The versions to compare: the changes that lead from {@code from} to {@code to}. */
    public record Comparison(Selector from, Selector to) {
    }

    /** A version as a user names it: a number from 1, or the latest. */
    public record Selector(int number) {

        /** The subject's latest version, whatever its number. */
        public static final Selector LATEST = new Selector(0);

        public Selector {
            if (number < 0) {
                throw new IllegalArgumentException("a version number is 1 or more, was " + number);
            }
        }

        /**
         * The version of {@code subject} this selects.
         *
         * @throws UnknownSchemaException when the subject has no such version (or none at all)
         */
        public RegistrySchemas.Version in(RegistrySchemas.Subject subject) {
            List<RegistrySchemas.Version> versions = subject.versions();
            if (versions.isEmpty()) {
                throw new UnknownSchemaException("Subject " + subject.name() + " has no versions.");
            }
            if (this.equals(LATEST)) {
                return versions.getLast();
            }
            return versions.stream().filter(v -> v.version() == number).findFirst().orElseThrow(() ->
                    new UnknownSchemaException("Subject " + subject.name() + " has no version " + number
                            + "; its versions are " + subject.numbers().stream().map(String::valueOf)
                                    .collect(Collectors.joining(", ")) + "."));
        }

        @Override
        public String toString() {
            return number == 0 ? "latest" : Integer.toString(number);
        }

        static Selector parse(String parameter, String text) {
            String value = text.strip();
            if (value.toLowerCase(Locale.ROOT).equals("latest")) {
                return LATEST;
            }
            try {
                int number = Integer.parseInt(value);
                if (number >= 1) {
                    return new Selector(number);
                }
            } catch (NumberFormatException e) {
                // said below, with the parameter's name
            }
            throw new IllegalArgumentException(parameter + " must be a version number from 1, or latest, was '"
                    + text + "'");
        }
    }

    /**
     * The query of a subject's page; a null or blank parameter is not given.
     *
     * @throws IllegalArgumentException naming the parameter whose value is no version
     */
    public static SchemaQuery parse(String version, String diff, String from, String to) {
        Selector shown = given(version) ? Selector.parse("version", version) : Selector.LATEST;
        if (given(diff)) {
            String[] sides = diff.split("\\.\\.", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw new IllegalArgumentException("diff must name two versions as A..B (such as 1..2 or 1..latest), "
                        + "was '" + diff + "'");
            }
            return new SchemaQuery(shown, Optional.of(new Comparison(Selector.parse("diff", sides[0]),
                    Selector.parse("diff", sides[1]))));
        }
        if (given(from) != given(to)) {
            throw new IllegalArgumentException("from and to go together: give both to compare two versions "
                    + "(or diff=A..B)");
        }
        return new SchemaQuery(shown, given(from) ? Optional.of(new Comparison(Selector.parse("from", from),
                Selector.parse("to", to))) : Optional.empty());
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
