package dev.bazaar.analytics;

import dev.bazaar.analytics.schedule.ChildJvmJob;
import dev.bazaar.analytics.schedule.ExecutorTimer;
import dev.bazaar.analytics.schedule.HealthServer;
import dev.bazaar.analytics.schedule.RunLoop;
import dev.bazaar.analytics.schedule.SchedulerSettings;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.SecureHttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process {@code bazaar up} keeps running: it runs the analytics job every interval
 * ({@code BAZAAR_ANALYTICS_EVERY}, default 5 minutes), each run in a JVM of its own, and serves the
 * last run's outcome and counts to ops and admin at {@code GET /health} on
 * https://127.0.0.1:{@code BAZAAR_HTTP_PORT} (to anyone else, whether it is up). A failed
 * run is logged and shown there; the next run happens all the same. SIGTERM stops it, and the run in
 * progress with it.
 */
public final class AnalyticsScheduler {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsScheduler.class);
    /** The summary each run leaves for the scheduler, under {@code <var>/data/analytics/}. */
    static final String SUMMARY_FILE = "last-run.json";

    private AnalyticsScheduler() {
    }

    public static void main(String[] args) throws InterruptedException {
        SchedulerSettings settings;
        try {
            settings = SchedulerSettings.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("analytics scheduler: " + e.getMessage());
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        Path summary = settings.var().resolve("data").resolve("analytics").resolve(SUMMARY_FILE);
        ChildJvmJob job = new ChildJvmJob(childCommand(settings, summary), childEnvironment(settings), summary,
                settings.config().jobTimeout(), clock);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                task -> new Thread(task, "analytics-runs"));
        RunLoop loop = new RunLoop(clock, new ExecutorTimer(executor), job, settings.config().every());
        SecureHttpServer health = HealthServer.start(new RuntimeLayout(settings.var()), settings.httpPort(),
                loop::status);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: no further runs; the run in progress, if any, is stopped");
            loop.stop();
            job.cancel();
            executor.shutdownNow();
            health.close();
            stopped.countDown();
        }, "analytics-scheduler-stop"));
        loop.start();
        stopped.await();
    }

    /** {@code java -Xmx<heap> … -cp <this JVM's classpath> AnalyticsCli run --summary-file <file> --exit-with-parent}. */
    static List<String> childCommand(SchedulerSettings settings, Path summary) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> options = new ArrayList<>(List.of("-Dbazaar.component=analytics-run",
                "-Xmx" + settings.config().jobHeap(), "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true"));
        String log4j = System.getProperty("log4j2.configurationFile");
        if (log4j != null) {
            options.add("-Dlog4j2.configurationFile=" + log4j);
        }
        return ChildJvmJob.javaCommand(java, options, System.getProperty("java.class.path"),
                AnalyticsCli.class.getName(), List.of("run", "--summary-file", summary.toString(), "--exit-with-parent"));
    }

    /** The scheduler's environment, with the runtime folder made absolute and the Spark UI pinned to loopback. */
    static Map<String, String> childEnvironment(SchedulerSettings settings) {
        Map<String, String> env = new HashMap<>();
        env.put(SchedulerSettings.VAR, settings.var().toString());
        String localIp = System.getenv("SPARK_LOCAL_IP");
        env.put("SPARK_LOCAL_IP", localIp == null || localIp.isBlank() ? "127.0.0.1" : localIp);
        return env;
    }
}
