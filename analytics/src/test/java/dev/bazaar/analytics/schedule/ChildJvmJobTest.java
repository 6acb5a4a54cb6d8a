package dev.bazaar.analytics.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real child JVMs (a stand-in main class on this test's classpath) and reads what they leave. */
class ChildJvmJobTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path folder;

    @Test
    void aRunThatSucceedsReportsItsSummary() {
        // given
        Path summary = folder.resolve("last-run.json");

        // when
        LastRun run = job(TIMEOUT, summary, "succeed", summary.toString()).run(Instant.now());

        // then
        assertThat(run.outcome()).as("outcome").isEqualTo("succeeded");
        assertThat(run.exitCode()).as("exit code").isZero();
        assertThat(run.summary().recordsPublished()).as("records published").isEqualTo(6);
    }

    @Test
    void aRunThatFailsReportsItsError() {
        // given
        Path summary = folder.resolve("last-run.json");

        // when
        LastRun run = job(TIMEOUT, summary, "fail", summary.toString()).run(Instant.now());

        // then
        assertThat(run.outcome()).as("outcome").isEqualTo("failed");
        assertThat(run.exitCode()).as("exit code").isEqualTo(1);
        assertThat(run.error()).as("error").contains("Kafka at 127.0.0.1:26592");
    }

    @Test
    void aRunThatDiesWithoutASummarySaysSoWithItsExitCode() {
        // given a summary left by an earlier run
        Path summary = folder.resolve("last-run.json");
        job(TIMEOUT, summary, "succeed", summary.toString()).run(Instant.now());

        // when
        LastRun run = job(TIMEOUT, summary, "crash").run(Instant.now());

        // then: the earlier run's summary is not taken for this one's
        assertThat(run.outcome()).as("outcome").isEqualTo("failed");
        assertThat(run.exitCode()).as("exit code").isEqualTo(3);
        assertThat(run.summary()).as("summary").isNull();
        assertThat(run.error()).as("error").contains("exited with code 3 without a summary");
    }

    @Test
    void aRunThatOutlivesTheTimeoutIsKilled() {
        // given
        Path summary = folder.resolve("last-run.json");

        // when
        LastRun run = job(SHORT_TIMEOUT, summary, "hang").run(Instant.now());

        // then
        assertThat(run.outcome()).as("outcome").isEqualTo("failed");
        assertThat(run.error()).as("error").contains("killed after the timeout of PT3S");
        assertThat(run.seconds()).as("seconds").isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void theCommandIsThisJavaWithTheGivenOptionsAndClasspath() {
        // when
        List<String> command = ChildJvmJob.javaCommand("/jdk/bin/java", List.of("-Xmx1g"), "a.jar:b.jar",
                "dev.bazaar.analytics.AnalyticsCli", List.of("run"));

        // then
        assertThat(command).as("command").startsWith("/jdk/bin/java", "-Xmx1g")
                .endsWith("-cp", "a.jar:b.jar", "dev.bazaar.analytics.AnalyticsCli", "run");
    }

    private static ChildJvmJob job(Duration timeout, Path summary, String... args) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = ChildJvmJob.javaCommand(java, List.of("-Xmx64m"), System.getProperty("java.class.path"),
                FakeRun.class.getName(), List.of(args));
        return new ChildJvmJob(command, Map.of(), summary, timeout, Clock.systemUTC());
    }
}
