package dev.bazaar.platform.service;

import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.process.HttpProbe;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.Jvm;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.ProcessStopper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A Java application of this repository in its own JVM (shop-api, stream-filter, the Elasticsearch
 * node, ...), run from a copy of its module's jar and the module's runtime classpath, told the
 * runtime folder ({@code BAZAAR_VAR}) and its HTTP port ({@code BAZAAR_HTTP_PORT}), ready when its
 * health path answers 200. A module may ship its JVM options in {@code target/jvm.options}, one per line.
 */
public final class JavaService {

    /** How long a service has to stop after SIGTERM before it is killed. */
    public static final Duration STOP_DEADLINE = Duration.ofSeconds(20);
    private static final List<String> HEAP = List.of("-Xms64m", "-Xmx256m");

    private final String name;
    private final String mainClass;
    private final Path moduleDir;
    private final int port;
    private final RuntimeLayout layout;
    private final String healthPath;
    private final Map<String, String> env;
    private final String artifact;
    private final boolean https;

    /** A service of ours: HTTPS with the certificate the launcher issued under its name, ready when {@code /health} answers. */
    public JavaService(String name, String mainClass, Path moduleDir, int port, RuntimeLayout layout) {
        this(name, mainClass, moduleDir, port, layout, "/health", Map.of(), name, true);
    }

    /**
     * A service with its own readiness path (from its base URL), extra environment, and the name of
     * its module's jar ({@code target/<artifact>.jar}); {@code https} when it serves HTTPS with the
     * certificate issued under its name (every service of ours; not the Elasticsearch node).
     */
    public JavaService(String name, String mainClass, Path moduleDir, int port, RuntimeLayout layout, String healthPath,
            Map<String, String> env, String artifact, boolean https) {
        this.name = name;
        this.mainClass = mainClass;
        this.moduleDir = moduleDir;
        this.port = port;
        this.layout = layout;
        this.healthPath = healthPath;
        this.env = Map.copyOf(env);
        this.artifact = artifact;
        this.https = https;
    }

    public String name() {
        return name;
    }

    /**
     * Instance {@code number} (2 or more) of this service: the same jar and certificate, its own
     * process {@code <name>-<number>}, working folder, log and {@code port}, told its number in
     * {@code BAZAAR_INSTANCE} (a Streams app keeps its state apart by it).
     */
    public JavaService instance(int number, int port) {
        Map<String, String> instanceEnv = new HashMap<>(env);
        instanceEnv.put("BAZAAR_INSTANCE", Integer.toString(number));
        return new JavaService(name + "-" + number, mainClass, moduleDir, port, layout, healthPath, instanceEnv,
                artifact, https);
    }

    /** Whether it serves HTTPS with the certificate issued under its name. */
    public boolean https() {
        return https;
    }

    public String url() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /** Whether the module was built, so that it can run. */
    public boolean built() {
        return Files.exists(jar()) && Files.exists(classpathFile());
    }

    /** Starts the service unless it runs, and waits until it is ready; false when it was running already. */
    public boolean start(Jvm java, Duration timeout) {
        boolean started = launch(java);
        awaitReady(timeout);
        return started;
    }

    /** Starts the service unless it runs, without waiting; false when it was running already. */
    public boolean launch(Jvm java) {
        if (process().running().isPresent()) {
            return false;
        }
        JavaCommand command = new JavaCommand(java, installedJar() + ":" + classpath(), null);
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("BAZAAR_VAR", layout.root().toString());
        process().start(command.command(name, jvmOptions(), mainClass, List.of()), layout.dataDir(name), environment);
        return true;
    }

    /**
     * What starts this service, for a launcher other than this one ({@code compose prepare}): its main class,
     * the module's jar and runtime classpath in order, its JVM options and its environment but the runtime folder.
     */
    public record Launch(String name, String mainClass, List<Path> classpath, List<String> jvmOptions,
            Map<String, String> environment, int port) {
    }

    public Launch launchSpec() {
        List<Path> classpath = new ArrayList<>(List.of(jar()));
        for (String entry : classpath().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                classpath.add(Path.of(entry));
            }
        }
        return new Launch(name, mainClass, List.copyOf(classpath), jvmOptions(), Map.copyOf(environment()), port);
    }

    /** The environment it starts with, but {@code BAZAAR_VAR}: its own, and its port for every kind of server. */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("BAZAAR_HTTP_PORT", Integer.toString(port));
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        environment.put("MICRONAUT_SERVER_SSL_PORT", Integer.toString(port));
        return environment;
    }

    public List<String> stop() {
        return ProcessStopper.stopTogether(List.of(process()), STOP_DEADLINE);
    }

    public ComponentStatus status() {
        return ComponentStatus.of(process(), url(), this::answers);
    }

    /** The status at another address, healthy when {@code ready} says so (a readiness its health path cannot tell). */
    public ComponentStatus status(String address, BooleanSupplier ready) {
        return ComponentStatus.of(process(), address, ready);
    }

    /** Whether its health path answers 200 now. */
    public boolean answers() {
        return probe().ready();
    }

    public Path logFile() {
        return layout.logFile(name);
    }

    /** Waits until the health path answers 200; fails naming the log when the process exits first. */
    public void awaitReady(Duration timeout) {
        probe().await(process(), timeout);
    }

    private HttpProbe probe() {
        return new HttpProbe(name, url() + healthPath, https ? PlatformTls.clientContext(layout) : null);
    }

    public ManagedProcess process() {
        return new ManagedProcess(name, layout.pidFile(name), layout.logFile(name));
    }

    private Path jar() {
        return moduleDir.resolve("target/" + artifact + ".jar");
    }

    /**
     * A copy of the module's jar under the runtime folder, so that a rebuild while the service
     * runs cannot pull classes from under it. The copy keeps the jar's time and is made only when
     * size or time differ: an AOT cache is valid only for the jar times it was made with, and a
     * fresh time at every start would have the JVM refuse it every time.
     */
    private Path installedJar() {
        Path installed = layout.root().resolve("lib").resolve(name + ".jar");
        try {
            Files.createDirectories(installed.getParent());
            if (!sameSizeAndTime(jar(), installed)) {
                Files.copy(jar(), installed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return installed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + jar() + " to " + installed, e);
        }
    }

    private static boolean sameSizeAndTime(Path source, Path copy) throws IOException {
        if (!Files.exists(copy)) {
            return false;
        }
        BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
        BasicFileAttributes b = Files.readAttributes(copy, BasicFileAttributes.class);
        return a.size() == b.size() && a.lastModifiedTime().equals(b.lastModifiedTime());
    }

    /** The module's own JVM options ({@code target/jvm.options}), or a small default heap. */
    private List<String> jvmOptions() {
        Path file = moduleDir.resolve("target/jvm.options");
        if (!Files.exists(file)) {
            return HEAP;
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private Path classpathFile() {
        return moduleDir.resolve("target/runtime.classpath");
    }

    private String classpath() {
        try {
            return Files.readString(classpathFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathFile() + ": build with ./bazaar build", e);
        }
    }
}
