package dev.bazaar.setup;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.common.Cluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One declared topic: its partitions, configs, the schema of its values, and whether MirrorMaker 2
 * copies it to the mirror cluster.
 */
public record TopicSpec(
        String name,
        String description,
        Cluster cluster,
        int partitions,
        Integer replicationFactor,
        @JsonProperty("schema") String schemaFile,
        boolean internal,
        boolean mirrored,
        Map<String, String> config) {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

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
}
