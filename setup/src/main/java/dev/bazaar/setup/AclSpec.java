package dev.bazaar.setup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.common.Cluster;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One line of a principal's grants: which operations on which resources of which cluster. Never
 * {@code ALL}: a line names the operations its job performs, so a new Kafka operation is not granted
 * by default.
 */
public record AclSpec(Cluster cluster, ResourceType resource, String name, PatternType pattern,
        List<AclOperation> operations) {

    public AclSpec {
        cluster = cluster == null ? Cluster.MAIN : cluster;
        Objects.requireNonNull(resource, "an acl lacks 'resource'");
        Objects.requireNonNull(name, "an acl lacks 'name'");
        pattern = pattern == null ? PatternType.LITERAL : pattern;
        if (operations == null || operations.isEmpty()) {
            throw new IllegalArgumentException("acl on " + name + " lists no operations");
        }
        if (operations.contains(AclOperation.ALL)) {
            throw new IllegalArgumentException("acl on " + name + " grants ALL: list the operations the job performs");
        }
        operations = List.copyOf(operations);
    }

    @JsonCreator
    static AclSpec fromYaml(@JsonProperty("cluster") String cluster, @JsonProperty("resource") String resource,
            @JsonProperty("name") String name, @JsonProperty("pattern") String pattern,
            @JsonProperty("operations") List<String> operations) {
        return new AclSpec(cluster == null ? null : Cluster.parse(cluster), resourceType(resource), name,
                pattern == null ? null : patternType(pattern),
                operations == null ? null : operations.stream().map(AclSpec::operation).toList());
    }

    /** The ACL bindings this line grants {@code principal}, from any host. */
    public List<AclBinding> bindings(String principal) {
        ResourcePattern target = new ResourcePattern(resource, name, pattern);
        return operations.stream()
                .map(op -> new AclBinding(target,
                        new AccessControlEntry("User:" + principal, "*", op, AclPermissionType.ALLOW)))
                .toList();
    }

    private static ResourceType resourceType(String value) {
        return switch (lower(value, "resource")) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "transactional-id" -> ResourceType.TRANSACTIONAL_ID;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("unknown acl resource '" + value
                    + "': expected topic, group, transactional-id or cluster");
        };
    }

    private static PatternType patternType(String value) {
        return switch (lower(value, "pattern")) {
            case "literal" -> PatternType.LITERAL;
            case "prefixed" -> PatternType.PREFIXED;
            default -> throw new IllegalArgumentException("unknown acl pattern '" + value
                    + "': expected literal or prefixed");
        };
    }

    private static AclOperation operation(String value) {
        AclOperation op = AclOperation.fromString(value.strip().toUpperCase(Locale.ROOT));
        if (op == AclOperation.UNKNOWN || op == AclOperation.ANY) {
            throw new IllegalArgumentException("unknown acl operation '" + value + "'");
        }
        return op;
    }

    private static String lower(String value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("an acl lacks '" + key + "'");
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
