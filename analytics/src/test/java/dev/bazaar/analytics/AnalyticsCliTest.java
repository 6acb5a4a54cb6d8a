package dev.bazaar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and messages of {@code analytics run} when it cannot run; a real run is in AnalyticsIT. */
class AnalyticsCliTest {

    @TempDir
    Path var;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aBadOptionExitsWithTwoNamingTheSetting() {
        // when
        int code = execute(Map.of(), "run", "--max", "0", "--var", var.toString());

        // then
        assertThat(code).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("error").contains("analytics.recommendations.max").contains("at least 1");
    }

    @Test
    void aBadEnvironmentVariableExitsWithTwoNamingTheSetting() {
        // when
        int code = execute(Map.of("BAZAAR_ANALYTICS_PERIOD", "forever"), "run", "--var", var.toString());

        // then
        assertThat(code).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("error").contains("analytics.period").contains("ISO-8601");
    }

    @Test
    void anUnknownSettingExitsWithTwo() {
        // when
        int code = execute(Map.of(), "run", "--conf", "analytics.no.such=1", "--var", var.toString());

        // then
        assertThat(code).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("error").contains("unknown setting 'analytics.no.such'")
                .contains("analytics.period");
    }

    @Test
    void withoutARunningPlatformTheRunFailsSayingHowToStartIt() throws IOException {
        // given a runtime folder the platform never started in
        Path summary = var.resolve("last-run.json");

        // when
        int code = execute(Map.of(), "run", "--var", var.toString(), "--summary-file", summary.toString());

        // then
        assertThat(code).as("exit code").isEqualTo(1);
        assertThat(err.toString()).as("error").contains("analytics: failed: no platform endpoints")
                .contains("./bazaar up");
        RunSummary written = RunSummary.read(summary);
        assertThat(written.outcome()).as("summary outcome").isEqualTo("failed");
        assertThat(written.error()).as("summary error").contains("./bazaar up");
    }

    @Test
    void aPlatformWithoutHdfsNeedsTheOrdersFolderGiven() {
        // given a platform that runs no HDFS
        new PlatformEndpoints("127.0.0.1:26592", "127.0.0.1:26692", "https://127.0.0.1:26581")
                .store(new RuntimeLayout(var));

        // when
        int code = execute(Map.of(), "run", "--var", var.toString());

        // then
        assertThat(code).as("exit code").isEqualTo(2);
        assertThat(err.toString()).as("error").contains("analytics.orders.path").contains("runs no HDFS")
                .contains("./bazaar up").contains("--orders");
    }

    @Test
    void versionAndHelpExitWithZero() {
        // when
        int version = execute(Map.of(), "--version");
        int help = execute(Map.of(), "run", "--help");

        // then
        assertThat(version).as("--version").isZero();
        assertThat(help).as("run --help").isZero();
        assertThat(out.toString()).as("output").contains("bazaar analytics").contains("--orders=URL")
                .contains("--period=DURATION").contains("--max=N");
    }

    private int execute(Map<String, String> env, String... args) {
        CommandLine cli = AnalyticsCli.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
