package dev.bazaar.platform.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A program of another module that the launcher runs in a JVM of its own: that module's command line tool or a
 * benchmark, run from {@code <module>/target/<module>.jar} and {@code <module>/target/runtime.classpath}.
 *
 * @param name the {@code bazaar} command that runs it
 * @param module the module's folder, which is also its jar's name
 * @param mainClass the class whose {@code main} runs
 * @param description one line for {@code bazaar --help}
 * @param jvmOptions options for its JVM; {@link #HOME} in them stands for the checkout
 * @param jvmOptionsFromJdk24 options only JDK 24 and newer know, added there
 * @param environmentDefaults variables set for it unless the caller's environment sets them (not empty)
 */
record ModuleCli(String name, String module, String mainClass, String description, List<String> jvmOptions,
        List<String> jvmOptionsFromJdk24, Map<String, String> environmentDefaults) {

    /** Stands for the checkout ({@code bazaar.home}) in {@link #jvmOptions}. */
    static final String HOME = "{home}";

    ModuleCli {
        jvmOptions = List.copyOf(jvmOptions);
        jvmOptionsFromJdk24 = List.copyOf(jvmOptionsFromJdk24);
        environmentDefaults = Map.copyOf(environmentDefaults);
    }

    /** A program run with the JVM's defaults. */
    static ModuleCli of(String name, String module, String mainClass, String description) {
        return new ModuleCli(name, module, mainClass, description, List.of(), List.of(), Map.of());
    }

    /** This program with {@code options} added to its JVM's. */
    ModuleCli withJvmOptions(String... options) {
        return new ModuleCli(name, module, mainClass, description, concat(jvmOptions, options), jvmOptionsFromJdk24,
                environmentDefaults);
    }

    /** This program with {@code options} added to its JVM's on JDK 24 and newer. */
    ModuleCli withJvmOptionsFromJdk24(String... options) {
        return new ModuleCli(name, module, mainClass, description, jvmOptions, concat(jvmOptionsFromJdk24, options),
                environmentDefaults);
    }

    /** This program with {@code variable} set to {@code value} unless the caller's environment sets it (not empty). */
    ModuleCli withEnvironmentDefault(String variable, String value) {
        Map<String, String> environment = new LinkedHashMap<>(environmentDefaults);
        environment.put(variable, value);
        return new ModuleCli(name, module, mainClass, description, jvmOptions, jvmOptionsFromJdk24, environment);
    }

    /** The file name of the module's jar in its {@code target/}. */
    String jarName() {
        return module + ".jar";
    }

    private static List<String> concat(List<String> first, String... more) {
        return Stream.concat(first.stream(), Stream.of(more)).toList();
    }
}
