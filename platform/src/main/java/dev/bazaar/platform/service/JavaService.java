package dev.bazaar.platform.service;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.process.HttpProbe;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.ProcessStopper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the platform's own services (shop-api, stream-filter, ...): a Java application in its own
 * JVM, run from its module's build output, told the runtime folder ({@code BAZAAR_VAR}) and its HTTP
 * port ({@code BAZAAR_HTTP_PORT}), ready when its {@code /health} answers 200.
 */
public final class JavaService {

    private static final List<String> HEAP = List.of("-Xms64m", "-Xmx256m");

    private final String name;
    private final String mainClass;
    private final Path moduleDir;
    private final int port;
    private final RuntimeLayout layout;

    public JavaService(String name, String mainClass, Path moduleDir, int port, RuntimeLayout layout) {
        this.name = name;
        this.mainClass = mainClass;
        this.moduleDir = moduleDir;
        this.port = port;
        this.layout = layout;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Whether the module was built, so that it can run. */
    public boolean built() {
        return Files.exists(jar()) && Files.exists(classpathFile());
    }

    public boolean start(String java, Duration timeout) {
        if (process().running().isPresent()) {
            return false;
        }
        JavaCommand command = new JavaCommand(java, installedJar() + ":" + classpath(), null);
        process().start(command.command(name, HEAP, mainClass, List.of()),
                layout.dataDir(name), Map.of("BAZAAR_VAR", layout.root().toString(), "BAZAAR_HTTP_PORT",
                        Integer.toString(port), "MICRONAUT_SERVER_PORT", Integer.toString(port)));
        awaitReady(timeout);
        return true;
    }

    public List<String> stop() {
        return ProcessStopper.stopTogether(List.of(process()), Duration.ofSeconds(20));
    }

    public ComponentStatus status() {
        Optional<ProcessHandle> handle = process().running();
        ComponentStatus.State state = handle.isEmpty() ? ComponentStatus.State.STOPPED
                : healthy() ? ComponentStatus.State.HEALTHY : ComponentStatus.State.UNHEALTHY;
        return new ComponentStatus(name, url(), handle.map(ProcessHandle::pid).orElse(null), state,
                process().logFile().toString());
    }

    private void awaitReady(Duration timeout) {
        probe().await(process(), timeout);
    }

    private boolean healthy() {
        return probe().ready();
    }

    private HttpProbe probe() {
        return new HttpProbe(name, url() + "/health");
    }

    private ManagedProcess process() {
        return new ManagedProcess(name, layout.pidFile(name), layout.logFile(name));
    }

    private Path jar() {
        return moduleDir.resolve("target/" + name + ".jar");
    }

    /**
     * A copy of the module's jar under the runtime folder, so that a rebuild while the service
     * runs cannot pull classes from under it.
     */
    private Path installedJar() {
        Path installed = layout.root().resolve("lib").resolve(name + ".jar");
        try {
            Files.createDirectories(installed.getParent());
            Files.copy(jar(), installed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return installed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + jar() + " to " + installed, e);
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
