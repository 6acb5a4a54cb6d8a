package dev.bazaar.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring configuration of {@code prometheus/} as the Debian tools read it: alert rules and
 * their unit tests ({@code promtool}), Alertmanager ({@code amtool}), the Prometheus and blackbox
 * exporter templates rendered as {@code ./bazaar up} renders them.
 */
class PrometheusToolsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path PROMETHEUS = MonitoringFiles.prometheus();
    private static final List<Path> RULE_FILES = MonitoringFiles.files(PROMETHEUS.resolve("rules"), ".yml");
    private static final List<Path> RULE_TESTS = MonitoringFiles.files(PROMETHEUS.resolve("tests"), ".yml");

    @TestFactory
    Stream<DynamicTest> everyRulesFileIsValid() {
        return RULE_FILES.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            // when
            PackagedTool.Run check = PackagedTool.PROMTOOL.run("check", "rules", file.toString());
            // then
            assertThat(check.exitCode()).as(check.describe()).isZero();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyAlertFiresAndStaysQuietAsItsUnitTestsSay() {
        return RULE_TESTS.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            // when
            PackagedTool.Run test = PackagedTool.PROMTOOL.run("test", "rules", file.toString());
            // then
            assertThat(test.exitCode()).as(test.describe()).isZero();
            assertThat(test.output()).as(test.describe()).contains("SUCCESS");
        }));
    }

    @Test
    void everyAlertHasAUnitTestWhereItFiresAndOneWhereItDoesNot() throws IOException {
        // given every alert of the rules
        Set<String> alerts = new TreeSet<>();
        for (Path file : RULE_FILES) {
            YAML.readTree(file.toFile()).path("groups").forEach(group -> group.path("rules")
                    .forEach(rule -> alerts.add(rule.path("alert").asText())));
        }
        // when the unit tests are read
        Map<String, Set<String>> outcomes = testedOutcomes();
        // then
        assertThat(alerts).as("alerts in %s", RULE_FILES).isNotEmpty();
        for (String alert : alerts) {
            assertThat(outcomes.getOrDefault(alert, Set.of())).as("outcomes %s tests for alert %s", RULE_TESTS, alert)
                    .contains("fires", "quiet");
        }
    }

    @Test
    void everyAlertSaysHowBadItIsAndWhatItIsAbout() throws IOException {
        for (Path file : RULE_FILES) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String alert = rule.path("alert").asText();
                    assertThat(rule.path("labels").path("severity").asText()).as("severity of %s in %s", alert, file)
                            .isIn("critical", "warning", "info");
                    assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", alert)
                            .isNotBlank();
                    assertThat(rule.path("annotations").path("description").asText()).as("description of %s", alert)
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void alertmanagerConfigurationIsValid(@TempDir Path dir) throws IOException {
        // given the template rendered as ./bazaar up renders it
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, PrometheusConfig.render(Files.readString(PROMETHEUS.resolve("alertmanager.yml")), Map.of(
                "console.webhook.url", "https://127.0.0.1:9089/alerts/webhook",
                "ca.file", dir.resolve("ca.pem").toString(),
                "webhook.user", "alertmanager",
                "webhook.password.file", dir.resolve("alertmanager-webhook.password").toString())));
        // when
        PackagedTool.Run check = PackagedTool.AMTOOL.run("check-config", config.toString());
        // then
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.output()).as(check.describe()).contains("SUCCESS");
    }

    @Test
    void prometheusConfigurationRenderedForAPlatformIsValidAndLoadsEveryRulesFile(@TempDir Path dir) throws IOException {
        // given the template rendered with a folder of target files, one per job the launcher knows
        Path targets = Files.createDirectories(dir.resolve("targets"));
        for (String job : PrometheusConfig.jobs(PROMETHEUS.resolve("prometheus.yml"))) {
            Files.writeString(targets.resolve(job + ".json"), "[{\"targets\": [\"127.0.0.1:1\"], \"labels\": {}}]");
        }
        Path config = dir.resolve("prometheus.yml");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "");
        Path password = Files.writeString(dir.resolve("scrape.password"), "secret");
        Files.writeString(config, PrometheusConfig.render(Files.readString(PROMETHEUS.resolve("prometheus.yml")), Map.of(
                "targets.dir", targets.toString(),
                "rules.dir", PROMETHEUS.resolve("rules").toString(),
                "alertmanager.address", "127.0.0.1:9093",
                "blackbox.address", "127.0.0.1:9115",
                "ca.file", ca.toString(),
                "scrape.user", "prometheus",
                "scrape.password.file", password.toString())));
        // when
        PackagedTool.Run check = PackagedTool.PROMTOOL.run("check", "config", config.toString());
        // then
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.output()).as(check.describe()).contains("SUCCESS: " + RULE_FILES.size() + " rule files found");
    }

    @Test
    void everyJobTheLauncherWritesTargetsForIsScrapedFromItsTargetFile() throws IOException {
        // given
        JsonNode config = YAML.readTree(PROMETHEUS.resolve("prometheus.yml").toFile());
        // when
        Map<String, String> targetFileByJob = new TreeMap<>();
        config.path("scrape_configs").forEach(job -> targetFileByJob.put(job.path("job_name").asText(),
                job.path("file_sd_configs").path(0).path("files").path(0).asText()));
        // then
        assertThat(targetFileByJob.keySet()).as("jobs of prometheus.yml")
                .containsExactlyInAnyOrderElementsOf(PrometheusConfig.jobs(PROMETHEUS.resolve("prometheus.yml")));
        targetFileByJob.forEach((job, file) ->
                assertThat(file).as("target file of job %s", job).isEqualTo("${targets.dir}/" + job + ".json"));
    }

    @Test
    void blackboxConfigurationRenderedWithThePlatformCaIsValid(@TempDir Path dir) throws IOException {
        // given
        Path config = dir.resolve("blackbox.yml");
        Files.writeString(config, PrometheusConfig.render(Files.readString(PROMETHEUS.resolve("blackbox.yml")),
                Map.of("ca.file", dir.resolve("ca.pem").toString())));
        // when
        PackagedTool.Run check = PackagedTool.BLACKBOX_EXPORTER.run("--config.check", "--config.file=" + config);
        // then
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(YAML.readTree(config.toFile()).path("modules").has("tls_connect")).as("module tls_connect in %s", config)
                .isTrue();
    }

    /** Alert name to the outcomes its unit tests expect somewhere: "fires" (alerts expected), "quiet" (none). */
    private static Map<String, Set<String>> testedOutcomes() throws IOException {
        Map<String, Set<String>> outcomes = new TreeMap<>();
        for (Path file : RULE_TESTS) {
            List<JsonNode> cases = new ArrayList<>();
            YAML.readTree(file.toFile()).path("tests").forEach(test -> test.path("alert_rule_test").forEach(cases::add));
            for (JsonNode testCase : cases) {
                outcomes.computeIfAbsent(testCase.path("alertname").asText(), alert -> new TreeSet<>())
                        .add(testCase.path("exp_alerts").isEmpty() ? "quiet" : "fires");
            }
        }
        return outcomes;
    }
}
