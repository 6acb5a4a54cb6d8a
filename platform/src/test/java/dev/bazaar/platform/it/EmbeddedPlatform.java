package dev.bazaar.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.process.Liveness;
import dev.bazaar.platform.process.ManagedProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The platform the integration tests run against, started by the launcher's own code. Inject it as
 * a test parameter. The system property {@code bazaar.it.components} lists the components (or groups)
 * a module's tests need, with what they depend on (e.g. {@code search-sink,registry}; see
 * {@code ./bazaar components}), set per module by the Maven property {@code it.components};
 * {@code bazaar.it.analytics.every} (Maven {@code it.analytics.every}, default 24h) how often its
 * analytics scheduler runs the job, by default not within a test run.
 *
 * <p>Two ways to run: when {@code bazaar.it.shared.var} (Maven {@code it.shared.var}) names a folder,
 * as {@code ./bazaar test} does, every module of the build uses the one platform recorded there (on
 * ports from {@code bazaar.it.shared.port.base}): the first module starts it, each later one adds the
 * components it needs, and {@code ./bazaar test} stops it when the build ends, whatever its outcome —
 * the tests isolate themselves by their own names and key prefixes. Otherwise a test JVM starts its
 * own fresh platform under {@code target/} on the module's port base and stops it when the run ends.
 */
public final class EmbeddedPlatform implements ParameterResolver {

    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.shared(), Running.class);
    }

    /** A started platform; closing it stops every process the tests started. */
    public static final class Running implements AutoCloseable {

        /** The port base of the build's one platform when {@code bazaar.it.shared.port.base} does not say. */
        public static final int SHARED_PORT_BASE = 19000;

        private final Platform platform;
        private final boolean buildWide;

        private Running(Platform platform, boolean buildWide) {
            this.platform = platform;
            this.buildWide = buildWide;
        }

        private static Running shared;

        /**
         * The one platform of this test JVM, started at the first call. Tests that cannot take a
         * parameter (a Micronaut test's property provider) call this; a shutdown hook stops it at the latest.
         */
        public static synchronized Running shared() {
            if (shared == null) {
                shared = start();
            }
            return shared;
        }

        private static Running start() {
            String sharedVar = System.getProperty("bazaar.it.shared.var", "");
            boolean buildWide = !sharedVar.isBlank();
            Path home = Path.of(System.getProperty("bazaar.home", "..")).toAbsolutePath().normalize();
            Path var = Path.of(buildWide ? sharedVar : System.getProperty("bazaar.it.var", "target/it-var")).toAbsolutePath();
            int base = buildWide ? Integer.getInteger("bazaar.it.shared.port.base", SHARED_PORT_BASE)
                    : Integer.getInteger("bazaar.it.port.base", 19000);
            List<String> components = List.of(System.getProperty("bazaar.it.components", "core").split(","));
            String analyticsEvery = System.getProperty("bazaar.it.analytics.every", "24h");
            Platform platform = new Platform(new PlatformConfig(home, new RuntimeLayout(var), new PortPlan(base),
                    START_TIMEOUT, components, analyticsEvery));
            if (!buildWide) {
                platform.down();
                platform.purge();
                Runtime.getRuntime().addShutdownHook(new Thread(platform::down, "stop-test-platform"));
            }
            up(platform);
            return new Running(platform, buildWide);
        }

        /** Runs {@code up} and returns what it printed. */
        public static String up(Platform platform) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            platform.up(new PrintStream(out, true, StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        }

        public Platform platform() {
            return platform;
        }

        public RuntimeLayout layout() {
            return platform.layout();
        }

        /** The process of a component as the launcher recorded it, to kill or inspect it in a fault test. */
        public ManagedProcess process(String component) {
            return new ManagedProcess(component, layout().pidFile(component), layout().logFile(component));
        }

        /** Client properties of {@code principal} on a cluster, plus {@code extra}. */
        public Properties client(Cluster cluster, String principal, Properties extra) {
            Properties props = principal.equals("admin") ? platform.adminConnection(cluster).clientProperties()
                    : KafkaConnection.embedded(layout(), cluster, principal).clientProperties();
            props.putAll(extra);
            return props;
        }

        /**
         * Kills {@code process} -9 and returns once it has exited. A zombie its parent has not reaped yet counts
         * as exited, as the launcher counts it ({@link Liveness}): a process an earlier module's JVM started is
         * reaped by the machine's init, which may take seconds, and {@code onExit()} waits for that.
         */
        public static void kill(ProcessHandle process) {
            assertThat(process.destroyForcibly()).as("kill -9 of pid %s", process.pid()).isTrue();
            await("pid " + process.pid() + " exited after kill -9").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(() -> !Liveness.alive(process));
        }

        /** Whether this is the build's one platform, which later modules use too and the build stops. */
        public boolean buildWide() {
            return buildWide;
        }

        /** Stops the platform, unless it is the build's one platform ({@code ./bazaar test} stops that). */
        @Override
        public void close() {
            if (!buildWide) {
                platform.down();
            }
        }
    }
}
