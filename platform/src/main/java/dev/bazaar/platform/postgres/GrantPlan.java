package dev.bazaar.platform.postgres;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What to change so that one role holds exactly its declared privileges on the relations of schema
 * {@code public}: what it holds and is not declared is revoked, what is declared and not held is
 * granted, the rest is left alone (so a start that changes nothing says so).
 *
 * @param grants privileges to grant, by relation
 * @param revokes privileges to revoke, by relation
 */
record GrantPlan(Map<Relation, Set<String>> grants, Map<Relation, Set<String>> revokes) {

    /** A table, view or sequence of schema {@code public}. */
    record Relation(String name, boolean sequence) implements Comparable<Relation> {

        static Relation table(String name) {
            return new Relation(name, false);
        }

        String sql() {
            return (sequence ? "SEQUENCE" : "TABLE") + " public." + PostgresRoles.quote(name);
        }

        @Override
        public int compareTo(Relation other) {
            int byName = name.compareTo(other.name);
            return byName != 0 ? byName : Boolean.compare(sequence, other.sequence);
        }
    }

    GrantPlan {
        grants = copy(grants);
        revokes = copy(revokes);
    }

    /** The plan from what the role holds now to what the file declares for it. */
    static GrantPlan between(Map<Relation, Set<String>> declared, Map<Relation, Set<String>> held) {
        Map<Relation, Set<String>> grants = new TreeMap<>();
        Map<Relation, Set<String>> revokes = new TreeMap<>();
        declared.forEach((relation, privileges) -> {
            Set<String> missing = new TreeSet<>(privileges);
            missing.removeAll(held.getOrDefault(relation, Set.of()));
            if (!missing.isEmpty()) {
                grants.put(relation, missing);
            }
        });
        held.forEach((relation, privileges) -> {
            Set<String> extra = new TreeSet<>(privileges);
            extra.removeAll(declared.getOrDefault(relation, Set.of()));
            if (!extra.isEmpty()) {
                revokes.put(relation, extra);
            }
        });
        return new GrantPlan(grants, revokes);
    }

    boolean unchanged() {
        return grants.isEmpty() && revokes.isEmpty();
    }

    /** The statements, revokes first, for {@code role}. */
    List<String> statements(String role) {
        List<String> statements = new ArrayList<>();
        revokes.forEach((relation, privileges) -> statements.add("REVOKE " + String.join(", ", privileges) + " ON "
                + relation.sql() + " FROM " + PostgresRoles.quote(role)));
        grants.forEach((relation, privileges) -> statements.add("GRANT " + String.join(", ", privileges) + " ON "
                + relation.sql() + " TO " + PostgresRoles.quote(role)));
        return statements;
    }

    /** What changes, in words: {@code revoked DELETE on t}, {@code granted INSERT on product_events}. */
    List<String> changes() {
        List<String> changes = new ArrayList<>();
        revokes.forEach((relation, privileges) -> changes.add("revoked " + String.join(", ", privileges) + " on "
                + relation.name()));
        grants.forEach((relation, privileges) -> changes.add("granted " + String.join(", ", privileges) + " on "
                + relation.name()));
        return changes;
    }

    private static Map<Relation, Set<String>> copy(Map<Relation, Set<String>> map) {
        Map<Relation, Set<String>> copy = new TreeMap<>();
        map.forEach((relation, privileges) -> copy.put(relation, Collections.unmodifiableSortedSet(new TreeSet<>(privileges))));
        return Collections.unmodifiableMap(copy);
    }
}
