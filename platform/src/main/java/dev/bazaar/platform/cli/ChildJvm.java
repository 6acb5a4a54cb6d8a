package dev.bazaar.platform.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ModuleCli} in a JVM of its own, started with the launcher's own java from the checkout's build
 * output; the child's exit code is the command's.
 *
 * @param java the java executable
 * @param home the checkout, holding each module's {@code target/}
 * @param jdk the feature version of that java (21, 25, ...)
 * @param runner starts the child and waits for it
 */
record ChildJvm(String java, Path home, int jdk, Runner runner) {

    /** The first JDK that knows {@code --sun-misc-unsafe-memory-access} and warns about native access. */
    static final int JDK_RESTRICTING_UNSAFE = 24;
    /** Kafka, Netty and Spark still use {@code sun.misc.Unsafe}: allowed quietly, as the launcher's own JVM is. */
    static final String ALLOW_UNSAFE = "--sun-misc-unsafe-memory-access=allow";
    /** How long a launcher that is being stopped waits for its child to stop. */
    private static final Duration CHILD_STOP_TIMEOUT = Duration.ofSeconds(30);

    /** Starts a child process and waits for its exit code. */
    @FunctionalInterface
    interface Runner {
        int run(ProcessBuilder child) throws IOException, InterruptedException;
    }

    /** The child shares the launcher's terminal: its input, output and error. */
    static final Runner INHERIT_IO = child -> startAndWait(child.inheritIO());

    /** This JVM's java, the checkout of {@code bazaar.home} (else the working folder), the terminal shared. */
    static ChildJvm current() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String home = System.getProperty("bazaar.home", "");
        Path checkout = Path.of(home.isBlank() ? System.getProperty("user.dir") : home).toAbsolutePath().normalize();
        return new ChildJvm(java, checkout, Runtime.version().feature(), INHERIT_IO);
    }

    /** Runs {@code program} with {@code args}; its exit code. */
    int run(ModuleCli program, List<String> args) throws IOException, InterruptedException {
        return runner.run(processBuilder(program, args));
    }

    /** The child as it would start: command line, working folder (the checkout) and environment. */
    ProcessBuilder processBuilder(ModuleCli program, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (jdk >= JDK_RESTRICTING_UNSAFE) {
            command.add(ALLOW_UNSAFE);
            command.addAll(program.jvmOptionsFromJdk24());
        }
        program.jvmOptions().forEach(option -> command.add(option.replace(ModuleCli.HOME, home.toString())));
        command.add("-cp");
        command.add(classpath(program));
        command.add(program.mainClass());
        command.addAll(args);
        ProcessBuilder child = new ProcessBuilder(command).directory(home.toFile());
        program.environmentDefaults().forEach((variable, value) -> child.environment()
                .merge(variable, value, (set, fallback) -> set.isEmpty() ? fallback : set));
        return child;
    }

    /** The module's jar, then its dependencies; fails naming {@code ./bazaar build} when it was not built. */
    private String classpath(ModuleCli program) {
        Path target = home.resolve(program.module()).resolve("target");
        Path jar = target.resolve(program.jarName());
        Path dependencies = target.resolve("runtime.classpath");
        for (Path needed : List.of(jar, dependencies)) {
            if (!Files.isRegularFile(needed)) {
                throw new IllegalStateException(program.module() + " is not built (no " + home.relativize(needed)
                        + "): run ./bazaar build");
            }
        }
        try {
            return jar + File.pathSeparator + Files.readString(dependencies).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dependencies + ": run ./bazaar build", e);
        }
    }

    /** Starts {@code child} and waits for it; a launcher stopped meanwhile (Ctrl-C, kill) stops the child too. */
    static int startAndWait(ProcessBuilder child) throws IOException, InterruptedException {
        Process process = child.start();
        Thread stopChild = new Thread(() -> stop(process), "stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return process.waitFor();
        } finally {
            removeUnlessStopping(stopChild);
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(CHILD_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                // printed, not logged: logging may already have stopped with the JVM
                System.err.println("bazaar: child JVM " + process.pid() + " still runs " + CHILD_STOP_TIMEOUT
                        + " after the launcher stopped; killing it");
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void removeUnlessStopping(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // looked up only here, so that loading this class (every command does) does not start logging
            LoggerFactory.getLogger(ChildJvm.class).debug("the launcher is stopping; its hook stops the child JVM",
                    stopping);
        }
    }
}
