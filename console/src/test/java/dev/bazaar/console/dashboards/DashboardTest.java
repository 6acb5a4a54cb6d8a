package dev.bazaar.console.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The four dashboards of grafana/dashboards/ as the console reads them, and what a dashboard must hold. */
class DashboardTest {

    static final Path DASHBOARDS = Path.of("../grafana/dashboards");

    @Test
    void theBrokersDashboardHasFourRowsOfEighteenPanelsAndTheClusterVariable() throws IOException {
        // when
        Dashboard brokers = Dashboard.read(DASHBOARDS.resolve("brokers.json"));

        // then
        assertThat(brokers.uid()).isEqualTo("bazaar-brokers");
        assertThat(brokers.title()).isEqualTo("Bazaar / Kafka brokers");
        assertThat(brokers.description()).startsWith("Health and traffic of the Kafka clusters");
        assertThat(brokers.refresh()).hasValue("10s");
        assertThat(brokers.time()).isEqualTo(new TimeWindow("now-30m", "now"));
        assertThat(brokers.rows()).extracting(Row::title).as("row titles")
                .containsExactly("Health", "Traffic", "Requests", "Replicas");
        assertThat(brokers.rows()).extracting(row -> row.panels().size()).as("panels per row")
                .containsExactly(6, 3, 5, 4);
        assertThat(brokers.panels()).hasSize(18);
        assertThat(brokers.variables()).containsExactly(new Variable("cluster", "Cluster", "custom", "main,mirror",
                List.of("main"), List.of(new VariableOption("main", "main", true),
                        new VariableOption("mirror", "mirror", false)), false, false, Optional.empty()));
    }

    @Test
    void aStatPanelKeepsItsPlaceUnitAndInstantTargets() throws IOException {
        // when
        Panel topics = Dashboard.read(DASHBOARDS.resolve("brokers.json")).panel(7).orElseThrow();

        // then
        assertThat(topics.type()).isEqualTo("stat");
        assertThat(topics.title()).isEqualTo("Topics / partitions");
        assertThat(topics.description()).isEqualTo("As the controllers know them.");
        assertThat(topics.gridPos()).isEqualTo(new GridPos(20, 1, 4, 4));
        assertThat(topics.unit()).hasValue("short");
        assertThat(topics.targets()).containsExactly(
                new Target("A", "max(kafka_controller_kafkacontroller_globaltopiccount{cluster=\"$cluster\"})",
                        "topics", true, false, false),
                new Target("B", "max(kafka_controller_kafkacontroller_globalpartitioncount{cluster=\"$cluster\"})",
                        "partitions", true, false, false));
    }

    @Test
    void aTimeseriesPanelRunsRangeQueries() throws IOException {
        // when
        Panel bytes = Dashboard.read(DASHBOARDS.resolve("brokers.json")).panel(11).orElseThrow();

        // then
        assertThat(bytes.type()).isEqualTo("timeseries");
        assertThat(bytes.unit()).hasValue("Bps");
        assertThat(bytes.targets()).extracting(Target::legendFormat).containsExactly("{{topic}} in", "{{topic}} out");
        assertThat(bytes.targets()).allSatisfy(target -> {
            assertThat(target.range()).as("range").isTrue();
            assertThat(target.instant()).as("instant").isFalse();
        });
    }

    @Test
    void theOtherThreeDashboardsHaveTheirRowsAndPanelsAndNoVariables() throws IOException {
        // when
        Dashboard clients = Dashboard.read(DASHBOARDS.resolve("clients-and-services.json"));
        Dashboard connect = Dashboard.read(DASHBOARDS.resolve("connect.json"));
        Dashboard mirrorMaker = Dashboard.read(DASHBOARDS.resolve("mirror-maker.json"));

        // then
        assertThat(clients.rows()).extracting(row -> row.panels().size()).as("clients and services")
                .containsExactly(3, 3, 4, 3, 3);
        assertThat(connect.rows()).extracting(row -> row.panels().size()).as("connect").containsExactly(4, 4, 3);
        assertThat(mirrorMaker.rows()).extracting(row -> row.panels().size()).as("mirror maker")
                .containsExactly(3, 7);
        assertThat(List.of(clients, connect, mirrorMaker)).allSatisfy(dashboard ->
                assertThat(dashboard.variables()).as(dashboard.uid()).isEmpty());
    }

    @Test
    void panelsKeepTheFileOrderNotTheirIdOrder() throws IOException {
        // when
        Row lag = Dashboard.read(DASHBOARDS.resolve("clients-and-services.json")).rows().get(2);

        // then
        assertThat(lag.title()).isEqualTo("Consumer lag");
        assertThat(lag.panels()).extracting(Panel::id).containsExactly(10, 11, 21, 12);
    }

    @Test
    void everyPanelOfEveryDashboardHasAQueryToRun() throws IOException {
        for (String file : List.of("brokers.json", "clients-and-services.json", "connect.json", "mirror-maker.json")) {
            // when
            Dashboard dashboard = Dashboard.read(DASHBOARDS.resolve(file));

            // then
            assertThat(dashboard.panels()).as(file).isNotEmpty().allSatisfy(panel -> {
                assertThat(panel.type()).as(file + " panel " + panel.id()).isNotEqualTo("row");
                assertThat(panel.visibleTargets()).as(file + " panel " + panel.id()).isNotEmpty()
                        .allSatisfy(target -> assertThat(target.expr()).isNotBlank());
            });
        }
    }

    @Test
    void panelsBeforeTheFirstRowFormAnUntitledRowAndACollapsedRowHoldsItsPanels() {
        // given
        String json = """
                {"uid": "u", "title": "T", "panels": [
                  {"id": 1, "type": "text", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 2}},
                  {"id": 2, "type": "row", "title": "Folded", "collapsed": true, "gridPos": {"x": 0, "y": 2, "w": 24, "h": 1},
                   "panels": [{"id": 3, "type": "gauge", "gridPos": {"x": 0, "y": 3, "w": 6, "h": 4},
                               "targets": [{"refId": "A", "expr": "up", "hide": true}]}]},
                  {"id": 4, "type": "row", "title": "Open", "gridPos": {"x": 0, "y": 3, "w": 24, "h": 1}},
                  {"id": 5, "type": "table", "gridPos": {"x": 0, "y": 4, "w": 24, "h": 8},
                   "targets": [{"expr": "up"}]}
                ]}
                """;

        // when
        Dashboard dashboard = Dashboard.parse("t.json", json);

        // then
        assertThat(dashboard.rows()).extracting(Row::title, Row::collapsed, Row::titled)
                .containsExactly(
                        tuple("", false, false),
                        tuple("Folded", true, true),
                        tuple("Open", false, true));
        assertThat(dashboard.rows()).extracting(row -> row.panels().stream().map(Panel::id).toList())
                .containsExactly(List.of(1), List.of(3), List.of(5));
        assertThat(dashboard.panel(3).orElseThrow().visibleTargets()).as("hidden target").isEmpty();
        assertThat(dashboard.panel(5).orElseThrow().targets()).as("neither instant nor range: range, letter A")
                .containsExactly(new Target("A", "up", "", false, true, false));
        assertThat(dashboard.time()).as("no time: Grafana's default").isEqualTo(new TimeWindow("now-6h", "now"));
        assertThat(dashboard.refresh()).isEmpty();
        assertThat(dashboard.panel(5).orElseThrow().unit()).isEmpty();
    }

    @Test
    void theDefaultTimeWindowResolvesAgainstNow() {
        // given
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        // when / then
        assertThat(new TimeWindow("now-30m", "now").start(now)).isEqualTo(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(new TimeWindow("now-30m", "now").end(now)).isEqualTo(now);
        assertThat(RelativeTime.resolve("now-7d", now)).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(RelativeTime.resolve("now-1M", now)).isEqualTo(Instant.parse("2026-11-07T10:00:00Z"));
        assertThat(RelativeTime.resolve("2026-01-01T00:00:00Z", now)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> RelativeTime.resolve("now/d", now)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'now/d' is not a time");
    }

    @Test
    void aFileThatIsNotADashboardIsRefusedNamingTheFileAndTheField() {
        assertRefused("[1, 2]", "bad.json is not a Grafana dashboard: the document is not a JSON object");
        assertRefused("{\"groups\": []}", "bad.json is not a Grafana dashboard: panels is missing");
        assertRefused("{\"title\": \"T\", \"panels\": []}", "bad.json is not a Grafana dashboard: uid is missing");
        assertRefused("{\"uid\": 7, \"title\": \"T\", \"panels\": []}",
                "bad.json is not a Grafana dashboard: uid is not a string but NUMBER");
        assertRefused("{\"uid\": \"u\", \"title\": \"T\", \"panels\": {}}",
                "bad.json is not a Grafana dashboard: panels is not an array but OBJECT");
        assertRefused("""
                {"uid": "u", "title": "T", "panels": [
                  {"id": 1, "type": "stat", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}},
                  {"id": 2, "type": "stat", "gridPos": {"x": 6, "y": 0, "w": "wide", "h": 4}}]}
                """, "bad.json is not a Grafana dashboard: panels[1].gridPos.w is not an integer but \"wide\"");
        assertRefused("""
                {"uid": "u", "title": "T", "panels": [{"type": "row", "collapsed": true, "panels": [
                  {"id": 1, "type": "stat", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A"}]}]}]}
                """, "bad.json is not a Grafana dashboard: panels[0].panels[0].targets[0].expr is missing");
        assertRefused("{\"uid\": \"u\", \"title\": \"T\", \"panels\": [{\"id\": 1, \"type\": \"stat\"}]}",
                "bad.json is not a Grafana dashboard: panels[0].gridPos is missing");
        assertRefused("{\"uid\": \"u\", \"title\": \"T\", \"time\": {\"from\": \"yesterday\", \"to\": \"now\"}, \"panels\": []}",
                "bad.json is not a Grafana dashboard: time.from is not a time the console understands");
        assertRefused("{\"uid\": \"u\", \"title\": \"T\", \"templating\": {\"list\": [{\"type\": \"custom\"}]}, \"panels\": []}",
                "bad.json is not a Grafana dashboard: templating.list[0].name is missing");
        assertRefused("{\"uid\": ", "bad.json is not JSON: ");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> Dashboard.parse("bad.json", json)).as(json)
                .isInstanceOf(InvalidDashboardException.class).hasMessageStartingWith(message);
    }
}
