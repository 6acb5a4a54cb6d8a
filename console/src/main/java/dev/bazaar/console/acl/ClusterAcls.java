package dev.bazaar.console.acl;

import dev.bazaar.common.Cluster;
import dev.bazaar.console.kafka.UserClients;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * Every ACL binding in force on one cluster, as the signed-in user's own admin client describes them
 * (Kafka answers a super user, and refuses anyone without DESCRIBE on the cluster), in a stable order:
 * by principal, resource, pattern, operation.
 */
public record ClusterAcls(Cluster cluster, List<AclBinding> bindings) {

    /** The order of the page's rows. */
    static final Comparator<AclBinding> ORDER = Comparator
            .comparing((AclBinding b) -> b.entry().principal())
            .thenComparing(b -> b.pattern().resourceType())
            .thenComparing(b -> b.pattern().name())
            .thenComparing(b -> b.pattern().patternType())
            .thenComparing(b -> b.entry().operation())
            .thenComparing(b -> b.entry().permissionType())
            .thenComparing(b -> b.entry().host());

    public ClusterAcls {
        bindings = bindings.stream().sorted(ORDER).toList();
    }

    /** Reads every binding of {@code cluster} as the user of {@code clients}. */
    public static ClusterAcls read(UserClients clients, Cluster cluster)
            throws ExecutionException, InterruptedException, TimeoutException {
        Collection<AclBinding> bindings = clients.admin(cluster).describeAcls(AclBindingFilter.ANY).values()
                .get(clients.timeout().toMillis(), TimeUnit.MILLISECONDS);
        return new ClusterAcls(cluster, List.copyOf(bindings));
    }

    /** The bindings of {@code principal} (such as {@code User:filter}); all of them when it is empty. */
    public List<AclBinding> of(String principal) {
        return principal.isEmpty() ? bindings
                : bindings.stream().filter(b -> b.entry().principal().equals(principal)).toList();
    }

    /** The principals that have a binding here. */
    public SortedSet<String> principals() {
        SortedSet<String> principals = new TreeSet<>();
        bindings.forEach(b -> principals.add(b.entry().principal()));
        return principals;
    }
}
