package dev.bazaar.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PostgreSQL roles of the platform, one per job, with their grants: {@code setup/postgres.yaml},
 * read and validated here so a mistake in the file fails naming the entry before anything is applied.
 * The tables, views and sequences they name come from the Flyway migrations of
 * {@code setup/postgres/migrations/} ({@link #MIGRATIONS}).
 */
public record PostgresSpec(List<PostgresRoleSpec> roles) {

    /** Where Flyway finds the migrations, on the classpath. */
    public static final String MIGRATIONS = "classpath:" + PlatformSpec.ROOT + "postgres/migrations";
    static final String FILE = "setup/postgres.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public PostgresSpec {
        roles = List.copyOf(roles);
        Set<String> names = new HashSet<>();
        for (PostgresRoleSpec role : roles) {
            if (!names.add(role.name())) {
                throw new IllegalArgumentException("role '" + role.name() + "' is declared twice");
            }
        }
    }

    /** Loads and validates {@code setup/postgres.yaml} from the classpath. */
    public static PostgresSpec load() {
        String where = PlatformSpec.ROOT + "postgres.yaml";
        try (InputStream in = PostgresSpec.class.getClassLoader().getResourceAsStream(where)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath (" + where + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** Parses the text of {@code setup/postgres.yaml}; fails naming the file, the entry and what is wrong. */
    public static PostgresSpec parse(String yaml) {
        RawFile file;
        try {
            JsonNode tree = YAML.readTree(yaml);
            file = tree == null || tree.isMissingNode() || tree.isNull() ? null : YAML.treeToValue(tree, RawFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalStateException(FILE + ": unknown key '" + e.getPropertyName() + "' in " + where(e.getPath().subList(0, e.getPath().size() - 1))
                    + ": expected one of " + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()), e);
        } catch (JsonMappingException e) {
            throw new IllegalStateException(FILE + ": " + e.getOriginalMessage() + " (at " + where(e.getPath()) + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(FILE + ": " + e.getOriginalMessage() + " (at " + e.getLocation() + ")", e);
        }
        if (file == null || file.roles() == null) {
            throw new IllegalStateException(FILE + " lists no 'roles'");
        }
        List<PostgresRoleSpec> roles = new ArrayList<>();
        for (int i = 0; i < file.roles().size(); i++) {
            roles.add(role(file.roles().get(i), i));
        }
        try {
            return new PostgresSpec(roles);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(FILE + ": " + e.getMessage(), e);
        }
    }

    public Optional<PostgresRoleSpec> role(String name) {
        return roles.stream().filter(role -> role.name().equals(name)).findFirst();
    }

    /** The declared role names, in the file's order. */
    public List<String> roleNames() {
        return roles.stream().map(PostgresRoleSpec::name).toList();
    }

    /** The roles with {@code replication: true}, in the file's order: REPLICATION, and a replication line in {@code pg_hba.conf}. */
    public List<String> replicationRoles() {
        return roles.stream().filter(PostgresRoleSpec::replication).map(PostgresRoleSpec::name).toList();
    }

    /** Every table, view and sequence some role is granted on, in the file's order. */
    public Set<String> relations() {
        Set<String> relations = new LinkedHashSet<>();
        roles.forEach(role -> role.grants().forEach(grant -> relations.add(grant.relation())));
        return relations;
    }

    /** Where in the file a mapping error is, such as {@code roles[0].grants[1].privilege}. */
    private static String where(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top" : path.toString();
    }

    private static PostgresRoleSpec role(RawRole raw, int index) {
        String entry = raw == null || raw.name() == null ? "roles[" + index + "]" : "role '" + raw.name() + "'";
        if (raw == null) {
            throw new IllegalStateException(FILE + ": " + entry + " is empty");
        }
        try {
            List<PostgresGrantSpec> grants = raw.grants() == null ? List.of()
                    : raw.grants().stream().map(PostgresSpec::grant).toList();
            return new PostgresRoleSpec(raw.name(), raw.job(), replication(raw.replication()), grants);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(FILE + ": " + entry + ": " + e.getMessage(), e);
        }
    }

    /** {@code replication}: absent is false; anything but a YAML boolean is refused, so "yes" or "true" in quotes is no typo. */
    private static boolean replication(Object raw) {
        if (raw == null) {
            return false;
        }
        if (raw instanceof Boolean replication) {
            return replication;
        }
        throw new IllegalArgumentException("'replication' must be true or false, not '" + raw + "'");
    }

    private static PostgresGrantSpec grant(RawGrant raw) {
        if (raw == null) {
            throw new IllegalArgumentException("an empty grant");
        }
        return PostgresGrantSpec.of(raw.table(), raw.view(), raw.sequence(), raw.privileges());
    }

    /** The file as written, before validation. */
    record RawFile(List<RawRole> roles) {
    }

    record RawRole(String name, String job, Object replication, List<RawGrant> grants) {
    }

    record RawGrant(String table, String view, String sequence, List<String> privileges) {
    }
}
