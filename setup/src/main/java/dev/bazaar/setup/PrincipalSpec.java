package dev.bazaar.setup;

import dev.bazaar.common.Cluster;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AclBinding;

/** A principal: one job of the platform, and exactly what that job may do. */
public record PrincipalSpec(String name, String job, List<AclSpec> acls) {

    private static final Pattern LEGAL = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public PrincipalSpec {
        Objects.requireNonNull(name, "a principal lacks 'name'");
        if (!LEGAL.matcher(name).matches()) {
            throw new IllegalArgumentException("principal '" + name + "': name must match " + LEGAL.pattern());
        }
        acls = acls == null ? List.of() : List.copyOf(acls);
    }

    /** The clusters this principal needs a credential on. */
    public Set<Cluster> clusters() {
        Set<Cluster> clusters = EnumSet.of(Cluster.MAIN);
        acls.forEach(acl -> clusters.add(acl.cluster()));
        return clusters;
    }

    public List<AclBinding> bindings(Cluster cluster) {
        return acls.stream().filter(acl -> acl.cluster() == cluster)
                .flatMap(acl -> acl.bindings(name).stream()).toList();
    }
}
