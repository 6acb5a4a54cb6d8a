package dev.bazaar.search.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.elasticsearch.common.settings.Settings;
import org.junit.jupiter.api.Test;

class SearchNodeSettingsTest {

    private final SearchNodeConfig config = new SearchNodeConfig(Path.of("/es/home"), Path.of("/es/data"),
            Path.of("/es/logs"), Path.of("/es/modules"), 22200, 22300);

    @Test
    void isASingleLoopbackNodeOfClusterBazaar() {
        // when
        Settings settings = SearchNodeSettings.of(config);

        // then
        assertThat(settings.get("cluster.name")).as("cluster.name").isEqualTo("bazaar");
        assertThat(settings.get("node.name")).as("node.name").isEqualTo("search-1");
        assertThat(settings.get("network.host")).as("network.host").isEqualTo("127.0.0.1");
        assertThat(settings.get("discovery.type")).as("discovery.type").isEqualTo("single-node");
        assertThat(settings.get("http.port")).as("http.port").isEqualTo("22200");
        assertThat(settings.get("transport.port")).as("transport.port").isEqualTo("22300");
        assertThat(settings.get("path.data")).as("path.data").isEqualTo("/es/data");
    }

    @Test
    void neverMakesIndicesReadOnlyOnAFullDiskNorCreatesThemOnWrite() {
        // when
        Settings settings = SearchNodeSettings.of(config);

        // then
        assertThat(settings.getAsBoolean("cluster.routing.allocation.disk.threshold_enabled", true))
                .as("disk threshold").isFalse();
        assertThat(settings.getAsBoolean("action.auto_create_index", true)).as("auto create index").isFalse();
    }
}
