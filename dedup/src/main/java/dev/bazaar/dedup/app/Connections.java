package dev.bazaar.dedup.app;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import java.util.Map;

/**
 * The app's connection to the main cluster as its principal: the embedded platform's, whose password
 * is the principal's secret under {@code var/secrets}, or an external cluster's from the environment
 * ({@link KafkaConnection#resolve}). A principal without a secret fails here, naming what to do —
 * reading the secret would otherwise generate a password no broker knows.
 */
public final class Connections {

    private Connections() {
    }

    /** The connection of {@code principal}; fails when the embedded platform has no credential for it. */
    public static KafkaConnection of(Map<String, String> env, RuntimeLayout layout, String principal) {
        String external = env.get("BAZAAR_" + Cluster.MAIN.name() + "_BOOTSTRAP_SERVERS");
        if ((external == null || external.isBlank()) && !layout.secrets().exists(principal)) {
            throw new IllegalStateException("principal " + principal + " has no credential in " + layout.secretsDir()
                    + ": declare it in setup/access.yaml and run ./bazaar up (or ./bazaar setup apply)");
        }
        return KafkaConnection.resolve(env, layout, Cluster.MAIN, principal);
    }
}
