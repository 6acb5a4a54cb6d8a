package dev.bazaar.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.Cluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagExporterConfigTest {

    @Test
    void theDefaultsPollBothClustersEvery15Seconds() {
        LagExporterConfig config = LagExporterConfig.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "9079"));

        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.clusters()).containsExactly(Cluster.MAIN, Cluster.MIRROR);
        assertThat(config.httpPort()).isEqualTo(9079);
    }

    @Test
    void aBadValueIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> LagExporterConfig.fromEnvironment(Map.of()))
                .hasMessageContaining("BAZAAR_HTTP_PORT is not set");
        assertThatThrownBy(() -> LagExporterConfig.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "9079",
                "BAZAAR_LAG_INTERVAL_SECONDS", "0"))).hasMessageContaining("BAZAAR_LAG_INTERVAL_SECONDS: 0 is out of range");
        assertThatThrownBy(() -> LagExporterConfig.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "9079",
                "BAZAAR_LAG_CLUSTERS", "main,backup"))).hasMessageContaining("BAZAAR_LAG_CLUSTERS: 'backup' is no cluster");
        assertThatThrownBy(() -> LagExporterConfig.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "x")))
                .hasMessageContaining("BAZAAR_HTTP_PORT: 'x' is not a whole number");
        assertThat(LagExporterConfig.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "1", "BAZAAR_LAG_CLUSTERS", " mirror "))
                .clusters()).isEqualTo(List.of(Cluster.MIRROR));
    }
}
