package dev.bazaar.setup;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.common.Cluster;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One declared topic: its partitions, configs, the schema of its values, and whether MirrorMaker 2
 * copies it to the mirror cluster.
 *
 * <p>A topic whose values come in several kinds (the product events: one schema per event kind)
 * declares {@code schemas: {<kind>: <file>}} instead of {@code schema}; each kind is registered under
 * the subject {@code <topic>-<kind>}, and the producer writes each record with its kind's schema id.
 */
public record TopicSpec(
        String name,
        String description,
        Cluster cluster,
        int partitions,
        Integer replicationFactor,
        @JsonProperty("schema") String schemaFile,
        @JsonProperty("schemas") Map<String, String> kindSchemas,
        boolean internal,
        boolean mirrored,
        Map<String, String> config) {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    public TopicSpec {
        Objects.requireNonNull(name, "a topic lacks 'name'");
        if (!LEGAL.matcher(name).matches()) {
            throw new IllegalArgumentException("topic '" + name + "': name must match " + LEGAL.pattern());
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic '" + name + "': partitions must be at least 1, was " + partitions);
        }
        cluster = cluster == null ? Cluster.MAIN : cluster;
        config = config == null ? Map.of() : Map.copyOf(config);
        kindSchemas = kindSchemas == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kindSchemas));
        if (schemaFile != null && !kindSchemas.isEmpty()) {
            throw new IllegalArgumentException("topic '" + name + "': declares both 'schema' and 'schemas'; one kind of"
                    + " value takes 'schema', several kinds take 'schemas'");
        }
        for (String kind : kindSchemas.keySet()) {
            if (!KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("topic '" + name + "': schemas: kind '" + kind + "' must match "
                        + KIND.pattern());
            }
        }
        if (mirrored && cluster != Cluster.MAIN) {
            throw new IllegalArgumentException("topic '" + name + "': only topics of the main cluster are mirrored");
        }
    }

    public Optional<String> schema() {
        return Optional.ofNullable(schemaFile);
    }

    /** The replication factor this topic gets on its cluster. */
    public int replication(ClusterDefaults defaults) {
        return replicationFactor == null ? defaults.replicationFactor() : replicationFactor;
    }

    /** The declared configs plus the cluster's {@code min.insync.replicas} when the topic does not set it. */
    public Map<String, String> effectiveConfig(ClusterDefaults defaults) {
        Map<String, String> effective = new LinkedHashMap<>(config);
        int minIsr = Math.min(defaults.minInsyncReplicas(), replication(defaults));
        effective.putIfAbsent("min.insync.replicas", Integer.toString(minIsr));
        return effective;
    }

    /** The registry subject of this topic's values, as the Confluent topic-name strategy names it. */
    public String valueSubject() {
        return name + "-value";
    }

    /** The registry subject of one kind of this topic's values. */
    public String kindSubject(String kind) {
        return name + "-" + kind;
    }

    /** Every subject this topic's values are registered under, with the schema file of each. */
    public Map<String, String> subjects() {
        Map<String, String> subjects = new LinkedHashMap<>();
        schema().ifPresent(file -> subjects.put(valueSubject(), file));
        kindSchemas.forEach((kind, file) -> subjects.put(kindSubject(kind), file));
        return subjects;
    }
}
