package dev.bazaar.platform.monitoring;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.process.HttpProbe;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.ProcessStopper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server from a Debian package (Prometheus, Alertmanager, the blackbox exporter) run as a plain
 * process on loopback, with its state under the runtime folder, serving HTTPS with basic auth
 * through its {@code --web.config.file} ({@link WebConfig}). {@code ./bazaar} installs the
 * packages when they are missing; without them the launcher says which package to install.
 */
public final class PackagedServer {

    private final String name;
    private final String debianPackage;
    private final Path executable;
    private final int port;
    private final String readyPath;
    private final RuntimeLayout layout;

    public PackagedServer(String name, String debianPackage, Path executable, int port, String readyPath,
            RuntimeLayout layout) {
        this.name = name;
        this.debianPackage = debianPackage;
        this.executable = executable;
        this.port = port;
        this.readyPath = readyPath;
        this.layout = layout;
    }

    public String name() {
        return name;
    }

    public String debianPackage() {
        return debianPackage;
    }

    public String url() {
        return "https://127.0.0.1:" + port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Its web config (HTTPS with its certificate, basic auth of the platform's users), written now. */
    public Path webConfig() {
        return WebConfig.write(layout, name);
    }

    public boolean installed() {
        return Files.isExecutable(executable);
    }

    /**
     * Starts the server with {@code args} (its web config among them) unless it runs; false when it was
     * running already.
     */
    public boolean launch(List<String> args) {
        if (process().running().isPresent()) {
            return false;
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        process().start(command, layout.dataDir(name), Map.of());
        return true;
    }

    public void awaitReady(Duration timeout) {
        probe().await(process(), timeout);
    }

    public List<String> stop() {
        return ProcessStopper.stopTogether(List.of(process()), Duration.ofSeconds(15));
    }

    public ComponentStatus status() {
        return ComponentStatus.of(process(), url(), probe()::ready);
    }

    public ManagedProcess process() {
        return new ManagedProcess(name, layout.pidFile(name), layout.logFile(name));
    }

    private HttpProbe probe() {
        return new HttpProbe(name, url() + readyPath, PlatformTls.clientContext(layout), HttpUser.METRICS.basic(layout));
    }
}
