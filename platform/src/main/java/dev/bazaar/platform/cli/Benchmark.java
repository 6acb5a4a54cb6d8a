package dev.bazaar.platform.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A benchmark of the {@code bench} module: its {@code bazaar bench} name, its main class and the optional
 * numbers it takes, in order (each left out means the benchmark's own default).
 *
 * @param name the command under {@code bazaar bench}
 * @param simpleClassName the class in {@code dev.bazaar.bench} that runs it
 * @param description one line: what it measures, against what
 * @param arguments the numbers it takes, in order; a later one only after the ones before it
 */
record Benchmark(String name, String simpleClassName, String description, List<Argument> arguments) {

    /** The module the benchmarks are in. */
    static final String MODULE = "bench";
    private static final String PACKAGE = "dev.bazaar.bench.";

    Benchmark {
        arguments = List.copyOf(arguments);
    }

    /** One optional whole number a benchmark takes. */
    record Argument(String label, String description) {
    }

    /** A benchmark taking {@code arguments}. */
    static Benchmark of(String name, String simpleClassName, String description, Argument... arguments) {
        return new Benchmark(name, simpleClassName, description, List.of(arguments));
    }

    static Argument argument(String label, String description) {
        return new Argument(label, description);
    }

    /**
     * How it runs: a JVM of 1 GB heap that knows the checkout, as every benchmark starts a platform of its own;
     * native access allowed, as Kafka's lz4 (the benchmarks read compressed topics) loads a native library.
     */
    ModuleCli program() {
        return ModuleCli.of(name, MODULE, PACKAGE + simpleClassName, description)
                .withJvmOptions("-Xmx1g", "-Dbazaar.home=" + ModuleCli.HOME)
                .withJvmOptionsFromJdk24("--enable-native-access=ALL-UNNAMED");
    }

    /** Its name and arguments as a usage line has them, e.g. {@code filter [records] [rate]}. */
    String synopsis() {
        return arguments.stream().map(argument -> " [" + argument.label() + "]")
                .collect(Collectors.joining("", name, ""));
    }
}
