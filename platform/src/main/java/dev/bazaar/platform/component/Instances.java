package dev.bazaar.platform.component;

import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How many instances of each scalable component should run ({@code bazaar scale}), kept in
 * {@code var/run/instances.properties} so that {@code up}, {@code status}, the supervisor and a later
 * {@code up} after {@code down} agree — as a replica count outlives the pods it describes. A component
 * it does not name runs one instance.
 */
public final class Instances {

    /** The most instances of one component: each takes a port of its component's block of ten. */
    public static final int MAX = 9;

    private final Path file;

    public Instances(RuntimeLayout layout) {
        this.file = layout.runDir().resolve("instances.properties");
    }

    /** The instances {@code component} should run: 1 unless scaled. */
    public int of(String component) {
        String value = RunProperties.read(file).getProperty(component);
        return value == null ? 1 : Integer.parseInt(value.strip());
    }

    /** Records that {@code component} should run {@code count} instances; fails outside 1..{@value #MAX}. */
    public void set(String component, int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("instances of " + component + " must be within 1.." + MAX + ", was " + count);
        }
        Properties counts = RunProperties.read(file);
        if (count == 1) {
            counts.remove(component);
        } else {
            counts.setProperty(component, Integer.toString(count));
        }
        RunProperties.write(file, counts, "instances per component (bazaar scale); one when not named");
    }
}
