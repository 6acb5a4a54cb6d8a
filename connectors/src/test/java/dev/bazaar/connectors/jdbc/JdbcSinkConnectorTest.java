package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class JdbcSinkConnectorTest {

    @Test
    void everyTaskGetsTheSameConfiguration() {
        // given
        JdbcSinkConnector connector = new JdbcSinkConnector();
        Map<String, String> props = JdbcTestConfigs.config(JdbcSinkConfig.CONNECTION_PASSWORD, "${dir:/s:p.password}");
        connector.start(props);

        // when
        List<Map<String, String>> tasks = connector.taskConfigs(3);

        // then the tasks' configs are the connector's own (Connect puts the provider reference back for storage)
        assertThat(tasks).as("task configs").hasSize(3).allSatisfy(task -> assertThat(task).isEqualTo(props));
        assertThat(connector.taskClass()).as("task class").isEqualTo(JdbcSinkTask.class);
    }

    @Test
    void validateReportsABadKeyAndARuleBetweenKeysAgainstTheirKeys() {
        JdbcSinkConnector connector = new JdbcSinkConnector();

        Config bad = connector.validate(JdbcTestConfigs.config(JdbcSinkConfig.COLUMNS, "kind=$nothing"));
        assertThat(errors(bad, JdbcSinkConfig.COLUMNS)).as("columns errors").singleElement().asString()
                .contains("unknown source '$nothing'");

        Config rule = connector.validate(JdbcTestConfigs.config(JdbcSinkConfig.RETRY_BACKOFF_MS, "500",
                JdbcSinkConfig.RETRY_BACKOFF_MAX_MS, "100"));
        assertThat(errors(rule, JdbcSinkConfig.RETRY_BACKOFF_MAX_MS)).as("backoff errors").singleElement().asString()
                .contains("must be at least retry.backoff.ms");
    }

    private static List<String> errors(Config config, String key) {
        return config.configValues().stream().filter(value -> value.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }
}
