package dev.bazaar.connectors.elasticsearch;

import static dev.bazaar.connectors.elasticsearch.TestRecords.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkConnectorTest {

    private final ElasticsearchSinkConnector connector = new ElasticsearchSinkConnector();

    @Test
    void everyTaskGetsTheConnectorsConfiguration() {
        // given
        Map<String, String> props = config(ElasticsearchSinkConfig.BATCH_SIZE, "50");
        connector.start(props);

        // when
        List<Map<String, String>> taskConfigs = connector.taskConfigs(3);

        // then
        assertThat(taskConfigs).as("task configs").hasSize(3).allSatisfy(taskConfig ->
                assertThat(taskConfig).as("task config").isEqualTo(props));
        assertThat(connector.taskClass()).as("task class").isEqualTo(ElasticsearchSinkTask.class);
    }

    @Test
    void startRefusesAnInvalidConfiguration() {
        // given
        Map<String, String> props = config(ElasticsearchSinkConfig.BATCH_SIZE, "0");

        // when / then
        assertThatThrownBy(() -> connector.start(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ElasticsearchSinkConfig.BATCH_SIZE);
    }

    @Test
    void validateReportsEachBadKeyAgainstThatKey() {
        // given
        Map<String, String> props = config(ElasticsearchSinkConfig.URLS, "ftp://es:21",
                ElasticsearchSinkConfig.BEHAVIOR_ON_NULL_VALUES, "explode");

        // when
        Map<String, ConfigValue> values = byName(connector.validate(props));

        // then
        assertThat(values.get(ElasticsearchSinkConfig.URLS).errorMessages()).as("urls errors").isNotEmpty();
        assertThat(values.get(ElasticsearchSinkConfig.BEHAVIOR_ON_NULL_VALUES).errorMessages()).as("null errors")
                .isNotEmpty();
        assertThat(values.get(ElasticsearchSinkConfig.BATCH_SIZE).errorMessages()).as("batch size errors").isEmpty();
    }

    @Test
    void validateReportsRulesBetweenKeysAgainstTheKeyAtFault() {
        // given
        Map<String, String> props = config(ElasticsearchSinkConfig.USERNAME, "connect");

        // when
        Map<String, ConfigValue> values = byName(connector.validate(props));

        // then
        assertThat(values.get(ElasticsearchSinkConfig.USERNAME).errorMessages()).as("username errors")
                .singleElement().asString().contains(ElasticsearchSinkConfig.PASSWORD);
    }

    @Test
    void connectFindsTheConnectorThroughItsServiceManifest() {
        // when
        List<Class<?>> found = ServiceLoader.load(SinkConnector.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();

        // then
        assertThat(found).as("sink connectors found by ServiceLoader").contains(ElasticsearchSinkConnector.class);
    }

    @Test
    void theVersionIsNeverEmpty() {
        // then
        assertThat(connector.version()).as("connector version").isNotBlank();
        assertThat(new ElasticsearchSinkTask().version()).as("task version").isEqualTo(connector.version());
    }

    private static Map<String, ConfigValue> byName(Config config) {
        return config.configValues().stream().collect(Collectors.toMap(ConfigValue::name, Function.identity()));
    }
}
