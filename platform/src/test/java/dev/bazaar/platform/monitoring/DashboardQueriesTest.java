package dev.bazaar.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.PlatformConfig;
import dev.bazaar.platform.PortPlan;
import dev.bazaar.platform.component.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards of {@code grafana/dashboards/}: well-formed for Grafana 10, every panel
 * querying the Prometheus datasource, and every query valid PromQL once Grafana's variables are
 * filled in (checked by a real Prometheus). That each query returns data on a running platform is
 * the platform test's to check, with {@link DashboardQueries}.
 */
class DashboardQueriesTest {

    private static final Path DASHBOARDS = MonitoringFiles.dashboards();
    private static final List<Path> FILES = MonitoringFiles.files(DASHBOARDS, ".json");
    private static final Pattern JOB_REGEX = Pattern.compile("job=~\"([^\"]+)\"");

    @TempDir
    static Path serverDir;
    private static PromqlParser promql;

    @BeforeAll
    static void startPrometheus() throws IOException {
        promql = PromqlParser.start(serverDir);
    }

    @AfterAll
    static void stopPrometheus() {
        if (promql != null) {
            promql.close();
        }
    }

    @Test
    void theFourDashboardsAreThere() {
        assertThat(FILES).as("dashboards in %s", DASHBOARDS).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("brokers.json", "clients-and-services.json", "connect.json", "mirror-maker.json");
    }

    /**
     * Derived from the catalog: a component added with a scrape job of its own must be charted. Only
     * the monitoring stack itself and the supervisor (whose signal is its crash-loop alert) are not.
     */
    @TestFactory
    Stream<DynamicTest> everyScrapeJobOfTheCatalogIsChartedByADashboard(@TempDir Path var) {
        // given every job a component of the catalog is scraped by, and every query of every dashboard
        Set<String> notCharted = Set.of("prometheus", "alertmanager", "blackbox-tls");
        Set<String> jobs = new TreeSet<>();
        new Platform(new PlatformConfig(MonitoringFiles.home(), new RuntimeLayout(var), new PortPlan(PortPlan.DEFAULT_BASE),
                Duration.ofSeconds(30), List.of(Catalog.ALL), "5m")).catalog().all()
                .forEach(component -> component.scrapeTargets().forEach(target -> jobs.add(target.job())));
        jobs.removeAll(notCharted);
        List<String> exprs = DashboardQueries.load(DASHBOARDS).stream().map(DashboardQueries.DashboardQuery::expr).toList();

        // then each job is selected by some query, by name or by a regular expression
        return jobs.stream().map(job -> dynamicTest(job, () -> assertThat(exprs)
                .as("queries selecting job %s", job).anyMatch(expr -> selects(expr, job))));
    }

    private static boolean selects(String expr, String job) {
        if (expr.contains("job=\"" + job + "\"")) {
            return true;
        }
        Matcher regex = JOB_REGEX.matcher(expr);
        while (regex.find()) {
            if (job.matches(regex.group(1))) {
                return true;
            }
        }
        return false;
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardIsAGrafanaDashboardWithUniquePanelIds() {
        return FILES.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            // when
            JsonNode dashboard = DashboardQueries.read(file);
            // then
            assertThat(dashboard.path("uid").asText()).as("uid of %s", file).startsWith("bazaar-");
            assertThat(dashboard.path("title").asText()).as("title of %s", file).isNotBlank();
            assertThat(dashboard.path("schemaVersion").asInt()).as("schemaVersion of %s (Grafana 10+)", file)
                    .isGreaterThanOrEqualTo(36);
            assertThat(allPanels(dashboard)).as("panels of %s", file).isNotEmpty()
                    .extracting(panel -> panel.path("id").asInt()).doesNotContain(0).doesNotHaveDuplicates();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPanelQueriesThePrometheusDatasource() {
        return FILES.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            for (JsonNode panel : DashboardQueries.panels(DashboardQueries.read(file))) {
                String title = file.getFileName() + " / " + panel.path("title").asText();
                assertThat(panel.path("datasource")).as("datasource of %s", title).isEqualTo(prometheusDatasource());
                assertThat(panel.path("targets")).as("queries of %s", title).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asText()).as("expr of %s / %s", title, target.path("refId"))
                            .isNotBlank();
                    assertThat(target.path("datasource").isMissingNode() || target.path("datasource")
                            .equals(prometheusDatasource())).as("datasource of %s / %s", title, target.path("refId"))
                            .isTrue();
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateVariableHasTheValueADashboardOpensWith() {
        return FILES.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            for (JsonNode variable : DashboardQueries.read(file).path("templating").path("list")) {
                assertThat(variable.path("type").asText()).as("type of variable %s in %s", variable.path("name"), file)
                        .isEqualTo("custom");
                assertThat(variable.path("current").path("value").asText()).as("current value of %s in %s",
                        variable.path("name"), file).isNotBlank();
            }
        }));
    }

    @Test
    void variablesAreFilledInAsGrafanaDoes() {
        // given
        Map<String, String> values = Map.of("__rate_interval", "1m", "cluster", "main");
        // when
        String expr = DashboardQueries.substitute(
                "rate(x{cluster=\"$cluster\", c=\"${cluster}\", d=\"[[cluster]]\", e=\"${cluster:raw}\"}[$__rate_interval])",
                values);
        // then
        assertThat(expr).isEqualTo("rate(x{cluster=\"main\", c=\"main\", d=\"main\", e=\"main\"}[1m])");
    }

    @Test
    void noGrafanaVariableIsLeftInAnyQuery() {
        // when
        List<DashboardQueries.DashboardQuery> queries = DashboardQueries.load(DASHBOARDS);
        // then
        assertThat(queries).as("queries of %s", DASHBOARDS).isNotEmpty();
        assertThat(queries).as("queries with a variable left").filteredOn(query -> query.expr().contains("$")
                || query.expr().contains("[[")).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyQueryIsValidPromql() {
        return DashboardQueries.load(DASHBOARDS).stream().map(query ->
                dynamicTest(query.dashboard() + " / " + query.panel() + " / " + query.refId(), () -> {
                    // when
                    PromqlParser.Answer answer = promql.query(query.expr());
                    // then
                    assertThat(answer.status()).as("%s answered %s to %s", promql, answer.body(), query.expr())
                            .isEqualTo(200);
                }));
    }

    private static JsonNode prometheusDatasource() {
        return new ObjectMapper().createObjectNode().put("type", "prometheus").put("uid", "prometheus");
    }

    /** Rows and the panels in and outside them: the ids Grafana requires to differ. */
    private static List<JsonNode> allPanels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }
}
