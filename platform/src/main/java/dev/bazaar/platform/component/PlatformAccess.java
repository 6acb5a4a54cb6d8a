package dev.bazaar.platform.component;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.Secrets;
import dev.bazaar.setup.PlatformSetup;
import dev.bazaar.setup.PlatformSpec;
import java.util.Map;

/**
 * The launcher's own ways into the running platform: the super user's connection to each cluster,
 * the registry as one of its users, and {@code setup/} ready to apply. Components use it to probe
 * and to set themselves up; nothing here is handed to a service.
 */
public final class PlatformAccess {

    public static final String ADMIN = "admin";

    private final RuntimeLayout layout;
    private final Map<Cluster, String> bootstrapServers;
    private final String registryUrl;

    public PlatformAccess(RuntimeLayout layout, Map<Cluster, String> bootstrapServers, String registryUrl) {
        this.layout = layout;
        this.bootstrapServers = Map.copyOf(bootstrapServers);
        this.registryUrl = registryUrl;
    }

    public RuntimeLayout layout() {
        return layout;
    }

    public Secrets secrets() {
        return layout.secrets();
    }

    /** The super user's connection to a cluster, for setup and probes. */
    public KafkaConnection admin(Cluster cluster) {
        return new KafkaConnection(bootstrapServers.get(cluster), ADMIN, secrets().password(ADMIN),
                layout.truststore(), secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    /** The registry as {@code user}, trusting the platform CA. */
    public RegistryConnection registryAs(RegistryUser user) {
        return new RegistryConnection(registryUrl, user.username(), secrets().password(user.secretName()),
                layout.truststore(), secrets().password(KafkaConnection.TRUSTSTORE_SECRET));
    }

    /** {@code setup/} (topics, principals, ACLs, schemas) with this platform's secrets. */
    public PlatformSetup setup() {
        return new PlatformSetup(PlatformSpec.load(), secrets());
    }
}
