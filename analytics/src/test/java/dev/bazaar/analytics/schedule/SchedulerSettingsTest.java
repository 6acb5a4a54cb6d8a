package dev.bazaar.analytics.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {

    @Test
    void readsItsFolderPortAndScheduleFromTheEnvironment() {
        // when
        SchedulerSettings settings = SchedulerSettings.fromEnvironment(Map.of("BAZAAR_VAR", "/srv/bazaar/var",
                "BAZAAR_HTTP_PORT", "9043", "BAZAAR_ANALYTICS_EVERY", "2m"));

        // then
        assertThat(settings.var()).as("runtime folder").isEqualTo(Path.of("/srv/bazaar/var"));
        assertThat(settings.httpPort()).as("port").isEqualTo(9043);
        assertThat(settings.config().every()).as("every").isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void everyDefaultsToFiveMinutesAndTheFolderToVar() {
        // when
        SchedulerSettings settings = SchedulerSettings.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "9043"));

        // then
        assertThat(settings.config().every()).as("every").isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.var()).as("runtime folder").isEqualTo(Path.of("var").toAbsolutePath());
    }

    @Test
    void aBadSettingStopsTheSchedulerNamingTheVariable() {
        assertThatThrownBy(() -> SchedulerSettings.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "9043",
                "BAZAAR_ANALYTICS_EVERY", "often")))
                .as("BAZAAR_ANALYTICS_EVERY=often").isInstanceOf(ConfigException.class)
                .hasMessageContaining("BAZAAR_ANALYTICS_EVERY").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> SchedulerSettings.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "9043",
                "BAZAAR_ANALYTICS_PERIOD", "P0D")))
                .as("BAZAAR_ANALYTICS_PERIOD=P0D").isInstanceOf(ConfigException.class)
                .hasMessageContaining("BAZAAR_ANALYTICS_PERIOD").hasMessageContaining("at least 1m");
        assertThatThrownBy(() -> SchedulerSettings.fromEnvironment(Map.of()))
                .as("no port").isInstanceOf(ConfigException.class).hasMessageContaining("BAZAAR_HTTP_PORT is required");
        assertThatThrownBy(() -> SchedulerSettings.fromEnvironment(Map.of("BAZAAR_HTTP_PORT", "ninety")))
                .as("port not a number").isInstanceOf(ConfigException.class).hasMessageContaining("BAZAAR_HTTP_PORT");
    }
}
