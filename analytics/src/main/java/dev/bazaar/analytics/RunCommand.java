package dev.bazaar.analytics;

import dev.bazaar.analytics.config.AnalyticsConfig;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bazaar analytics run}: runs the job once, printing each step with its counts; exits 0 when
 * every record was published, 1 when the run failed (the message says what did not answer), 2 for a
 * bad option or setting.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the analytics job once: read the catalog (filtered-items) and the order files, "
                + "publish recommendations and a sales report.",
                "Every setting can also come from the environment: analytics.period is BAZAAR_ANALYTICS_PERIOD."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--orders", paramLabel = "URL",
            description = "Folder of the order files (default: /data/orders on the platform's HDFS).")
    private String orders;

    @Option(names = "--period", paramLabel = "DURATION",
            description = "Orders created within this long before now count (default P30D; also 30d, 12h).")
    private String period;

    @Option(names = "--max", paramLabel = "N", description = "Most recommendations per customer (default 10).")
    private Integer max;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. --conf analytics.spark.master=local[4] (see analytics/docs).")
    private Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--var", paramLabel = "DIR", defaultValue = "${env:BAZAAR_VAR:-var}",
            description = "Runtime folder of the platform (credentials, endpoints; default ${DEFAULT-VALUE}).")
    private Path var;

    @Option(names = "--summary-file", paramLabel = "FILE",
            description = "Also write the run's summary as JSON to FILE (the scheduler reads it).")
    private Path summaryFile;

    @Option(names = {"-v", "--verbose"}, description = "Log each component's progress and print stack traces.")
    private boolean verbose;

    /** Set by the scheduler: a run whose scheduler is gone (killed) stops instead of running on unwatched. */
    @Option(names = "--exit-with-parent", hidden = true)
    private boolean exitWithParent;

    private final Map<String, String> env;

    RunCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        AnalyticsConfig config = config();
        Configurator.setLevel("dev.bazaar", verbose ? Level.INFO : Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (exitWithParent) {
            exitWithParent(err);
        }
        AnalyticsJob job = new AnalyticsJob(config, new RuntimeLayout(var), env, Clock.systemUTC(), line -> {
            out.println("analytics: " + line);
            out.flush();
        });
        try {
            write(job.run(), err);
            return 0;
        } catch (JobFailure e) {
            write(e.summary(), err);
            err.println("analytics: failed: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return e.getCause() instanceof ConfigException ? 2 : 1;
        }
    }

    private static void exitWithParent(PrintWriter err) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            err.println("analytics: the scheduler (pid " + parent.pid() + ") is gone; stopping this run");
            err.flush();
            System.exit(1);
        }));
    }

    /** The settings: defaults, then the environment, then --conf, then the named options. */
    private AnalyticsConfig config() {
        Map<String, String> settings = new LinkedHashMap<>(AnalyticsConfig.fromEnvironment(env));
        conf.forEach((key, value) -> {
            if (!AnalyticsConfig.CONFIG_DEF.names().contains(key)) {
                throw new ParameterException(spec.commandLine(), "unknown setting '" + key + "'; known: "
                        + String.join(", ", AnalyticsConfig.CONFIG_DEF.names()));
            }
            settings.put(key, value);
        });
        putIfGiven(settings, AnalyticsConfig.ORDERS_PATH, orders);
        putIfGiven(settings, AnalyticsConfig.PERIOD, period);
        putIfGiven(settings, AnalyticsConfig.RECOMMENDATIONS_MAX, max == null ? null : max.toString());
        try {
            return new AnalyticsConfig(settings);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void putIfGiven(Map<String, String> settings, String key, String value) {
        if (value != null) {
            settings.put(key, value);
        }
    }

    private void write(RunSummary summary, PrintWriter err) {
        if (summaryFile == null) {
            return;
        }
        try {
            summary.write(summaryFile);
        } catch (IOException e) {
            err.println("analytics: cannot write the summary to " + summaryFile + ": " + e.getMessage());
        }
    }
}
