package dev.bazaar.setup;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.Secrets;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Applies the platform data in {@code setup/} to running clusters and the registry, idempotently:
 * run it any number of times and only what drifted changes. Each call returns what it did.
 */
public final class PlatformSetup {

    private final PlatformSpec spec;
    private final Secrets secrets;

    public PlatformSetup(PlatformSpec spec, Secrets secrets) {
        this.spec = spec;
        this.secrets = secrets;
    }

    /** Principals, ACLs and topics of one cluster, through an admin client of its super user. */
    public SetupReport applyKafka(Cluster cluster, Admin admin) {
        SetupReport report = new SetupReport();
        List<String> principals = spec.principals().stream()
                .filter(p -> p.clusters().contains(cluster)).map(PrincipalSpec::name).toList();
        List<AclBinding> bindings = spec.principals().stream()
                .flatMap(p -> p.bindings(cluster).stream()).toList();
        try {
            new PrincipalApplier(admin, secrets, report).apply(cluster.toString(), principals);
            new AclApplier(admin, report).apply(cluster.toString(),
                    spec.principals().stream().map(PrincipalSpec::name).toList(), bindings);
            new TopicApplier(admin, spec.defaults(cluster), report).apply(spec.topics(cluster));
        } catch (ExecutionException e) {
            throw new IllegalStateException("setup of the " + cluster + " cluster failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("setup of the " + cluster + " cluster was interrupted", e);
        }
        return report;
    }

    /** The value schema of every topic that declares one, with BACKWARD compatibility. */
    public SetupReport applySchemas(RegistryConnection registry) {
        SetupReport report = new SetupReport();
        try {
            new SchemaApplier(registry, report).apply(spec.topics(Cluster.MAIN));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the schema registry at " + registry.url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("schema setup was interrupted", e);
        }
        return report;
    }
}
