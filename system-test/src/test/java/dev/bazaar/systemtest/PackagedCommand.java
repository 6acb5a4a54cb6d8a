package dev.bazaar.systemtest;

import dev.bazaar.common.RuntimeLayout;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user command of one of the platform's modules run the way {@code ./bazaar <command>} runs it: a
 * JVM of its own on the module's packaged jar and runtime classpath, with the script's JVM options,
 * pointed at the test platform's runtime folder; its output captured to files and the JVM killed at
 * its deadline, so a test never leaves one behind.
 */
final class PackagedCommand {

    /** {@code bazaar shop}. */
    static final PackagedCommand SHOP = new PackagedCommand("shop-api", "dev.bazaar.shop.cli.ShopCli",
            List.of("-Dlog4j2.level=warn"), Map.of());
    /** {@code bazaar filter}. */
    static final PackagedCommand FILTER = new PackagedCommand("stream-filter", "dev.bazaar.filter.cli.FilterCli",
            List.of(), Map.of());
    /** {@code bazaar client}. */
    static final PackagedCommand CLIENT = new PackagedCommand("client-api", "dev.bazaar.client.cli.ClientCli",
            List.of("-Dlog4j2.level=warn"), Map.of());
    /** {@code bazaar analytics}: Spark in local mode inside the JVM, its driver bound to loopback. */
    static final PackagedCommand ANALYTICS = new PackagedCommand("analytics", "dev.bazaar.analytics.AnalyticsCli",
            modernJdk() ? List.of("--enable-native-access=ALL-UNNAMED", "-Xmx1g") : List.of("-Xmx1g"),
            Map.of("SPARK_LOCAL_IP", "127.0.0.1"));

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String module;
    private final String mainClass;
    private final List<String> jvmOptions;
    private final Map<String, String> env;

    private PackagedCommand(String module, String mainClass, List<String> jvmOptions, Map<String, String> env) {
        this.module = module;
        this.mainClass = mainClass;
        this.jvmOptions = jvmOptions;
        this.env = env;
    }

    /** What a finished command printed and how it exited. */
    record Result(String command, int exitCode, String out, String err) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "`%s` exited %d%n--- stdout:%n%s--- stderr:%n%s", command, exitCode, out,
                    err);
        }
    }

    /**
     * Runs the command with {@code args} against the platform in {@code layout} to its end, at most
     * {@code deadline}; its output goes to files in {@code logs}.
     */
    Result run(RuntimeLayout layout, Path logs, Duration deadline, String... args)
            throws IOException, InterruptedException {
        String name = String.format(Locale.ROOT, "%02d-%s-%s", RUNS.incrementAndGet(), module,
                args.length == 0 ? "help" : args[0]);
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(commandLine(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        environment(builder.environment(), layout);
        String shown = "bazaar " + module + " " + String.join(" ", args);
        Process process = builder.start();
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(shown + " did not finish within " + deadline + "; output so far:\n"
                        + read(out) + read(err));
            }
            return new Result(shown, process.exitValue(), read(out), read(err));
        } finally {
            stop(process);
        }
    }

    private List<String> commandLine(String... args) throws IOException {
        Path target = Checkout.home().resolve(module).resolve("target");
        List<String> line = new ArrayList<>();
        line.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (modernJdk()) {
            line.add("--sun-misc-unsafe-memory-access=allow");
        }
        line.addAll(jvmOptions);
        line.add("-cp");
        line.add(target.resolve(module + ".jar") + File.pathSeparator
                + Files.readString(target.resolve("runtime.classpath")).strip());
        line.add(mainClass);
        line.addAll(Arrays.asList(args));
        return line;
    }

    /** The test JVM's environment without any {@code BAZAAR_*} setting that could point elsewhere, plus the platform's folder. */
    private void environment(Map<String, String> environment, RuntimeLayout layout) {
        environment.keySet().removeIf(key -> key.startsWith("BAZAAR_"));
        environment.put("BAZAAR_VAR", layout.root().toString());
        environment.putAll(env);
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** From JDK 24 on, sun.misc.Unsafe and native access need the permissions the launcher script grants. */
    private static boolean modernJdk() {
        return Runtime.version().feature() >= 24;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }
}
