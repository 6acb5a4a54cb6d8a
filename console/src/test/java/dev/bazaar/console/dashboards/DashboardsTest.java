package dev.bazaar.console.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboards folder: every JSON file a dashboard, listed by title, found by uid. */
class DashboardsTest {

    private static final String MINIMAL = """
            {"uid": "%s", "title": "%s", "panels": []}
            """;

    @Test
    void theFourDashboardsAreListedByTitleAndFoundByUid() throws IOException {
        // when
        Dashboards dashboards = Dashboards.load(DashboardTest.DASHBOARDS);

        // then
        assertThat(dashboards.all()).extracting(Dashboard::title).containsExactly("Bazaar / Clients and services",
                "Bazaar / Kafka brokers", "Bazaar / Kafka Connect", "Bazaar / MirrorMaker 2");
        assertThat(dashboards.byUid("bazaar-connect")).map(Dashboard::title).hasValue("Bazaar / Kafka Connect");
        assertThat(dashboards.byUid("grafana-home")).as("unknown uid").isEmpty();
    }

    @Test
    void onlyJsonFilesAreRead(@TempDir Path folder) throws IOException {
        // given
        Files.writeString(folder.resolve("b.json"), MINIMAL.formatted("b", "Beta"));
        Files.writeString(folder.resolve("a.json"), MINIMAL.formatted("a", "alpha"));
        Files.writeString(folder.resolve("README.md"), "# not a dashboard");

        // when
        Dashboards dashboards = Dashboards.load(folder);

        // then
        assertThat(dashboards.all()).extracting(Dashboard::uid).as("by title, ignoring case").containsExactly("a", "b");
    }

    @Test
    void aBadFileIsNamed(@TempDir Path folder) throws IOException {
        // given
        Files.writeString(folder.resolve("good.json"), MINIMAL.formatted("good", "Good"));
        Files.writeString(folder.resolve("rules.json"), "{\"groups\": []}");

        // when / then
        assertThatThrownBy(() -> Dashboards.load(folder)).isInstanceOf(InvalidDashboardException.class)
                .hasMessage(folder.resolve("rules.json") + " is not a Grafana dashboard: panels is missing");
    }

    @Test
    void twoFilesWithOneUidAreBothNamed(@TempDir Path folder) throws IOException {
        // given
        Files.writeString(folder.resolve("one.json"), MINIMAL.formatted("same", "One"));
        Files.writeString(folder.resolve("two.json"), MINIMAL.formatted("same", "Two"));

        // when / then
        assertThatThrownBy(() -> Dashboards.load(folder)).isInstanceOf(InvalidDashboardException.class)
                .hasMessage(folder.resolve("two.json") + " has uid 'same' that " + folder.resolve("one.json")
                        + " has already");
    }
}
