package dev.bazaar.common;

import java.util.Locale;

/** The two Kafka clusters of the platform: where services work, and where MirrorMaker 2 copies it. */
public enum Cluster {
    MAIN,
    MIRROR;

    /** Parses a user-given name case-insensitively, naming the accepted values when it fails. */
    public static Cluster parse(String name) {
        for (Cluster cluster : values()) {
            if (cluster.toString().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return cluster;
            }
        }
        throw new IllegalArgumentException("unknown cluster '" + name + "': expected main or mirror");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
