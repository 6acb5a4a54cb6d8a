package dev.bazaar.setup;

/** Replication that every topic of one cluster gets unless it says otherwise. */
public record ClusterDefaults(int replicationFactor, int minInsyncReplicas) {

    public ClusterDefaults {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, was " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("minInsyncReplicas must be within 1.." + replicationFactor
                    + ", was " + minInsyncReplicas);
        }
    }
}
