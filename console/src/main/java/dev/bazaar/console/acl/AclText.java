package dev.bazaar.console.acl;

import java.util.Locale;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Kafka's ACL words as the ACL page shows them, spelt as {@code setup/access.yaml} spells them
 * ({@code topic}, {@code transactional-id}, {@code prefixed}), so a row of the page reads like a line
 * of the file; and a principal as a user types it into the filter.
 */
public final class AclText {

    /** The principal type of every platform principal (SCRAM users). */
    static final String USER = "User:";

    private AclText() {
    }

    /** {@code TRANSACTIONAL_ID} → {@code transactional-id}. */
    public static String resourceType(ResourceType type) {
        return lowerDashed(type.name());
    }

    /** {@code PREFIXED} → {@code prefixed}. */
    public static String pattern(PatternType pattern) {
        return lowerDashed(pattern.name());
    }

    /** {@code DESCRIBE_CONFIGS} stays {@code DESCRIBE_CONFIGS}: operations are upper case in the file too. */
    public static String operation(AclOperation operation) {
        return operation.name();
    }

    /** {@code ALLOW} → {@code allow}. */
    public static String permission(AclPermissionType permission) {
        return lowerDashed(permission.name());
    }

    /**
     * A principal as typed into the filter: {@code filter} and {@code User:filter} both name the SCRAM
     * user filter; another type ({@code Group:x}) is kept as typed; blank is no principal (empty string).
     */
    public static String principal(String typed) {
        String principal = typed == null ? "" : typed.strip();
        if (principal.isEmpty() || principal.contains(":")) {
            return principal;
        }
        return USER + principal;
    }

    private static String lowerDashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
