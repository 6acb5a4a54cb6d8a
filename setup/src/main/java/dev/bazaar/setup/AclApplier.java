package dev.bazaar.setup;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.resource.PatternType;

/**
 * Makes the ACLs of the declared principals exactly what {@code access.yaml} grants: adds what is
 * missing and removes what is no longer declared. ACLs of principals it does not know are left alone.
 */
final class AclApplier {

    private final Admin admin;
    private final SetupReport report;

    AclApplier(Admin admin, SetupReport report) {
        this.admin = admin;
        this.report = report;
    }

    void apply(String clusterName, Collection<String> principals, List<AclBinding> desired)
            throws ExecutionException, InterruptedException {
        Set<String> managed = new HashSet<>();
        principals.forEach(p -> managed.add("User:" + p));
        Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get();
        List<AclBinding> missing = desired.stream().filter(b -> !existing.contains(b)).toList();
        Set<AclBinding> wanted = new HashSet<>(desired);
        List<AclBinding> stale = existing.stream()
                .filter(b -> managed.contains(b.entry().principal()) && !wanted.contains(b)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get();
            missing.forEach(b -> report.changed("granted " + describe(b) + " on " + clusterName));
        }
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList()).all().get();
            stale.forEach(b -> report.changed("revoked " + describe(b) + " on " + clusterName
                    + " (no longer in access.yaml)"));
        }
    }

    static String describe(AclBinding binding) {
        return binding.entry().principal() + " " + binding.entry().operation() + " "
                + binding.pattern().resourceType() + ":" + binding.pattern().name()
                + (binding.pattern().patternType() == PatternType.PREFIXED ? "*" : "");
    }
}
