package dev.bazaar.console.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.Cluster;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The ACL page's words read like setup/access.yaml's, and its principal filter takes a name as a person types it. */
class AclTextTest {

    @Test
    void kafkasWordsAreSpeltAsAccessYamlSpellsThem() {
        assertThat(AclText.resourceType(ResourceType.TRANSACTIONAL_ID)).isEqualTo("transactional-id");
        assertThat(AclText.resourceType(ResourceType.TOPIC)).isEqualTo("topic");
        assertThat(AclText.pattern(PatternType.PREFIXED)).isEqualTo("prefixed");
        assertThat(AclText.operation(AclOperation.DESCRIBE_CONFIGS)).isEqualTo("DESCRIBE_CONFIGS");
        assertThat(AclText.permission(AclPermissionType.ALLOW)).isEqualTo("allow");
    }

    @Test
    void aPrincipalWithoutATypeIsAScramUser() {
        assertThat(AclText.principal(" filter ")).isEqualTo("User:filter");
        assertThat(AclText.principal("User:filter")).isEqualTo("User:filter");
        assertThat(AclText.principal("Group:ops")).as("another type, as typed").isEqualTo("Group:ops");
        assertThat(AclText.principal("  ")).as("blank: every principal").isEmpty();
        assertThat(AclText.principal(null)).as("not given: every principal").isEmpty();
    }

    @Test
    void aClustersBindingsAreOrderedByPrincipalThenResourceAndFilteredByPrincipal() {
        // given the bindings of two principals, out of order
        AclBinding shopOrders = binding("User:shop", ResourceType.TOPIC, "orders", AclOperation.WRITE);
        AclBinding filterGroup = binding("User:filter", ResourceType.GROUP, "stream-filter", AclOperation.READ);
        AclBinding filterItems = binding("User:filter", ResourceType.TOPIC, "items", AclOperation.READ);
        AclBinding shopItems = binding("User:shop", ResourceType.TOPIC, "items", AclOperation.WRITE);

        // when
        ClusterAcls acls = new ClusterAcls(Cluster.MAIN, List.of(shopOrders, filterGroup, shopItems, filterItems));

        // then
        assertThat(acls.bindings()).as("in order").containsExactly(filterItems, filterGroup, shopItems, shopOrders);
        assertThat(acls.of("User:shop")).as("shop's").containsExactly(shopItems, shopOrders);
        assertThat(acls.of("")).as("no filter").hasSize(4);
        assertThat(acls.of("User:nobody")).as("a principal without bindings").isEmpty();
        assertThat(acls.principals()).containsExactly("User:filter", "User:shop");
    }

    private static AclBinding binding(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
