package dev.bazaar.platform.it;

import dev.bazaar.common.Cluster;
import dev.bazaar.setup.AclSpec;
import dev.bazaar.setup.PrincipalSpec;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What access.yaml says a principal may do, with Kafka's own rules of implication (READ, WRITE,
 * DELETE and ALTER imply DESCRIBE; ALL implies everything): the expectation the brokers are held to.
 */
final class Grants {

    private static final Set<AclOperation> IMPLY_DESCRIBE =
            EnumSet.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE, AclOperation.ALTER);

    private Grants() {
    }

    static boolean allows(PrincipalSpec principal, Cluster cluster, ResourceType type, String name, AclOperation op) {
        return principal.acls().stream()
                .filter(acl -> acl.cluster() == cluster && acl.resource() == type && matches(acl, name))
                .anyMatch(acl -> acl.operations().stream().anyMatch(granted -> implies(granted, op)));
    }

    private static boolean matches(AclSpec acl, String name) {
        if (acl.pattern() == PatternType.PREFIXED) {
            return name.startsWith(acl.name());
        }
        return acl.name().equals("*") || acl.name().equals(name);
    }

    private static boolean implies(AclOperation granted, AclOperation wanted) {
        return granted == wanted || granted == AclOperation.ALL
                || (wanted == AclOperation.DESCRIBE && IMPLY_DESCRIBE.contains(granted));
    }
}
