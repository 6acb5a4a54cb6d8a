package dev.bazaar.connectors.jdbc;

import static dev.bazaar.connectors.jdbc.JdbcTestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.connectors.config.ConfigViolation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcSinkConfigTest {

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreGiven() {
        // when
        JdbcSinkConfig config = new JdbcSinkConfig(config());

        // then
        assertThat(config.connectionUrl()).as("url").isEqualTo("jdbc:postgresql://127.0.0.1:5432/bazaar?sslmode=verify-full");
        assertThat(config.connectionUser()).as("user").isEqualTo("connect");
        assertThat(config.connectionPassword()).as("password").isEmpty();
        assertThat(config.connectionTimeout()).as("connection timeout").isEqualTo(Duration.ofSeconds(10));
        assertThat(config.table()).as("table").isEqualTo(new TableName(Optional.empty(), "product_events"));
        assertThat(config.batchSize()).as("batch size").isEqualTo(500);
        assertThat(config.maxRetries()).as("max retries").isEqualTo(10);
        assertThat(config.retryBackoff()).as("retry backoff").isEqualTo(Duration.ofMillis(100));
        assertThat(config.retryBackoffMax()).as("max retry backoff").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyKeyIsReadTypedAndTheMappingParsedOnce() {
        // given
        Map<String, String> props = config(
                JdbcSinkConfig.CONNECTION_PASSWORD, "s3cret",
                JdbcSinkConfig.CONNECTION_TIMEOUT_MS, "2500",
                JdbcSinkConfig.TABLE, "promo.subscribers_feedback",
                JdbcSinkConfig.COLUMNS, "adv_campaign_id=adv_campaign_id, client_id=client_id|/client/id, "
                        + "at=$timestamp, source=$topic, part=$partition, position=$offset",
                JdbcSinkConfig.BATCH_SIZE, "1000",
                JdbcSinkConfig.MAX_RETRIES, "3",
                JdbcSinkConfig.RETRY_BACKOFF_MS, "50",
                JdbcSinkConfig.RETRY_BACKOFF_MAX_MS, "800");

        // when
        JdbcSinkConfig config = new JdbcSinkConfig(props);

        // then
        assertThat(config.connectionPassword().map(p -> p.value())).as("password").contains("s3cret");
        assertThat(config.connectionTimeout()).as("connection timeout").isEqualTo(Duration.ofMillis(2500));
        assertThat(config.table().quoted()).as("table").isEqualTo("\"promo\".\"subscribers_feedback\"");
        assertThat(config.columns()).as("columns").extracting(ColumnMapping::toString).containsExactly(
                "adv_campaign_id=adv_campaign_id", "client_id=client_id|/client/id", "at=$timestamp",
                "source=$topic", "part=$partition", "position=$offset");
        assertThat(config.batchSize()).as("batch size").isEqualTo(1000);
        assertThat(config.maxRetries()).as("max retries").isEqualTo(3);
        assertThat(config.retryBackoff()).as("retry backoff").isEqualTo(Duration.ofMillis(50));
        assertThat(config.retryBackoffMax()).as("max retry backoff").isEqualTo(Duration.ofMillis(800));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "connection.url|''",
        "connection.url|postgresql://127.0.0.1/bazaar",
        "connection.url|jdbc:mysql://127.0.0.1/bazaar",
        "connection.url|jdbc:postgresql://127.0.0.1/bazaar?user=connect",
        "connection.url|jdbc:postgresql://127.0.0.1/bazaar?sslmode=require&password=x",
        "connection.user|''",
        "connection.password|''",
        "connection.timeout.ms|0",
        "table|''",
        "table|Product_Events",
        "table|a.b.c",
        "table|1events",
        "table|events;drop",
        "columns|''",
        "columns|event_key",
        "columns|=$key",
        "columns|Event_Key=$key",
        "columns|\"x\"=$key",
        "columns|event_key=",
        "columns|'event_key=$key|'",
        "columns|event_key=$nothing",
        "columns|kind=$header.",
        "columns|a=$key$",
        "columns|a=x, a=y",
        "batch.size|0",
        "batch.size|10001",
        "max.retries|-1",
        "max.retries|101",
        "retry.backoff.ms|-5",
        "retry.backoff.max.ms|300001",
    })
    void aBadValueIsRejectedNamingItsKey(String key, String value) {
        // given
        Map<String, String> props = config(key, value);

        // when / then
        assertThatThrownBy(() -> new JdbcSinkConfig(props)).as("%s=%s", key, value)
                .isInstanceOf(ConfigException.class).hasMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection.url", "connection.user", "table", "columns"})
    void aMissingRequiredKeyIsRejectedNamingIt(String key) {
        // given
        Map<String, String> props = new HashMap<>(config());
        props.remove(key);

        // when / then
        assertThatThrownBy(() -> new JdbcSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void aBackoffCeilingBelowTheFirstBackoffIsRejectedNamingTheCeiling() {
        // given
        Map<String, String> props = config(JdbcSinkConfig.RETRY_BACKOFF_MS, "500",
                JdbcSinkConfig.RETRY_BACKOFF_MAX_MS, "400");

        // when / then
        assertThatThrownBy(() -> new JdbcSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(JdbcSinkConfig.RETRY_BACKOFF_MAX_MS).hasMessageContaining("at least");
        assertThat(JdbcSinkConfig.crossKeyViolations(props)).extracting(ConfigViolation::key)
                .as("violations for validate").isEqualTo(List.of(JdbcSinkConfig.RETRY_BACKOFF_MAX_MS));
    }

    @Test
    void aPasswordFromAFileEndingInALineEndIsThePasswordWithoutIt() {
        JdbcSinkConfig config = new JdbcSinkConfig(config(JdbcSinkConfig.CONNECTION_PASSWORD, "s3cret\n"));
        assertThat(config.connectionPassword().map(p -> p.value())).as("password").contains("s3cret");
    }

    @Test
    void aPasswordInTheUrlIsNotRepeatedInTheError() {
        // given
        Map<String, String> props = config(JdbcSinkConfig.CONNECTION_URL,
                "jdbc:postgresql://127.0.0.1/bazaar?password=hunter2");

        // when / then
        assertThatThrownBy(() -> new JdbcSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(JdbcSinkConfig.CONNECTION_URL).hasMessageNotContaining("hunter2");
    }
}
