package dev.bazaar.platform.supervisor;

import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.ComponentStatus;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.component.Progress;
import dev.bazaar.platform.process.HttpProbe;
import dev.bazaar.platform.process.JavaCommand;
import dev.bazaar.platform.process.ManagedProcess;
import dev.bazaar.platform.process.ProcessStopper;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The supervisor as a process of its own, recorded like the components: {@code bazaar supervise}
 * in a small JVM on the launcher's classpath, started at the end of {@code up} and stopped first by
 * {@code down}.
 */
public final class SupervisorProcess {

    private static final List<String> HEAP = List.of("-Xms32m", "-Xmx128m");
    private static final String MAIN_CLASS = "dev.bazaar.platform.cli.Bazaar";

    private SupervisorProcess() {
    }

    public static ManagedProcess process(RuntimeLayout layout) {
        return new ManagedProcess(Supervisor.COMPONENT, layout.pidFile(Supervisor.COMPONENT),
                layout.logFile(Supervisor.COMPONENT));
    }

    /** Starts the supervisor unless it runs, and waits until it answers; true when it started it. */
    public static boolean ensureRunning(PlatformConfig config, Progress progress) {
        if (!launch(config)) {
            return false;
        }
        awaitReady(config, progress);
        return true;
    }

    /** Waits until the supervisor answers; fails naming its log when it exits first. */
    public static void awaitReady(PlatformConfig config, Progress progress) {
        probe(config).await(process(config.layout()), config.startTimeout());
        progress.say(Supervisor.COMPONENT, "watching every component at %s", url(config));
    }

    /** Starts the supervisor unless it runs, without waiting; true when it started it. */
    public static boolean launch(PlatformConfig config) {
        ManagedProcess process = process(config.layout());
        if (process.running().isPresent()) {
            return false;
        }
        List<String> jvm = new java.util.ArrayList<>(HEAP);
        jvm.add("-Dbazaar.home=" + config.home());
        jvm.add("-Dbazaar.var=" + config.layout().root());
        jvm.add("-Dbazaar.port.base=" + config.ports().base());
        jvm.add("-Dbazaar.start.timeout=" + config.startTimeout().toSeconds());
        jvm.add("-Dbazaar.analytics.every=" + config.analyticsEvery());
        jvm.add("-Dbazaar.jvm.profile=" + config.jvmProfile());
        jvm.add("-Dbazaar.aot=" + config.aot());
        JavaCommand java = new JavaCommand(config.jvm(), launcherClasspath(),
                config.layout().confDir("logging").resolve("log4j2.properties"));
        // it watches what up recorded, not what this up's environment chose
        process.start(java.command(Supervisor.COMPONENT, jvm, MAIN_CLASS, List.of("supervise")),
                config.layout().dataDir(Supervisor.COMPONENT), Map.of("BAZAAR_COMPONENTS", "", "BAZAAR_PARTS", ""));
        return true;
    }

    /** The launcher's own classpath, each entry absolute: the supervisor runs in its own working folder. */
    private static String launcherClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> java.nio.file.Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Stops the supervisor, so that nothing restarts what {@code down} stops next. */
    public static List<String> stop(RuntimeLayout layout) {
        return ProcessStopper.stopTogether(List.of(process(layout)), Duration.ofSeconds(10));
    }

    public static ComponentStatus status(PlatformConfig config) {
        return ComponentStatus.of(process(config.layout()), url(config), probe(config)::ready);
    }

    private static String url(PlatformConfig config) {
        return "https://127.0.0.1:" + config.ports().supervisor();
    }

    private static HttpProbe probe(PlatformConfig config) {
        return new HttpProbe(Supervisor.COMPONENT, url(config) + "/health", PlatformTls.clientContext(config.layout()));
    }
}
