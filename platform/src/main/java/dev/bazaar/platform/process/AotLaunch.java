package dev.bazaar.platform.process;

import java.util.List;

/** How one JVM starts with respect to its AOT cache: the flags to add and why. */
public record AotLaunch(Mode mode, List<String> options, String why) {

    /** What the JVM does with its cache. */
    public enum Mode {
        /** No AOT flags: AOT is off for the platform or cannot work for this JVM. */
        OFF,
        /** A training run: it records what it loads and writes it at its exit ({@code -XX:AOTMode=record}). */
        RECORD,
        /** A training run was recorded, its cache not created yet (the supervisor does that): no flags. */
        PENDING,
        /** It maps its cache ({@code -XX:AOTCache}); a cache the JVM finds stale is simply not used. */
        USE
    }

    public AotLaunch {
        options = List.copyOf(options);
    }

    static AotLaunch off(String why) {
        return new AotLaunch(Mode.OFF, List.of(), why);
    }
}
