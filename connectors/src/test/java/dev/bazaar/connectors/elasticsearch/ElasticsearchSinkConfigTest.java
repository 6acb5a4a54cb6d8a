package dev.bazaar.connectors.elasticsearch;

import static dev.bazaar.connectors.elasticsearch.TestRecords.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.connectors.config.ConfigViolation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElasticsearchSinkConfigTest {

    @Test
    void defaultsApplyWhenOnlyUrlsAreGiven() {
        // given
        Map<String, String> props = Map.of(ElasticsearchSinkConfig.URLS, "http://localhost:9200");

        // when
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(props);

        // then
        assertThat(config.urls()).as("urls").containsExactly(URI.create("http://localhost:9200"));
        assertThat(config.username()).as("username").isEmpty();
        assertThat(config.password()).as("password").isEmpty();
        assertThat(config.truststorePath()).as("trust store").isEmpty();
        assertThat(config.truststoreType()).as("trust store type").isEqualTo("PKCS12");
        assertThat(config.connectionTimeout()).as("connection timeout").isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).as("read timeout").isEqualTo(Duration.ofSeconds(30));
        assertThat(config.indexName()).as("index name").isEmpty();
        assertThat(config.topicIndexMap()).as("topic index map").isEmpty();
        assertThat(config.indexCreate()).as("index.create").isTrue();
        assertThat(config.batchSize()).as("batch size").isEqualTo(500);
        assertThat(config.linger()).as("linger").isEqualTo(Duration.ofMillis(100));
        assertThat(config.maxRetries()).as("max retries").isEqualTo(10);
        assertThat(config.retryBackoff()).as("retry backoff").isEqualTo(Duration.ofMillis(100));
        assertThat(config.retryBackoffMax()).as("max retry backoff").isEqualTo(Duration.ofSeconds(10));
        assertThat(config.behaviorOnMalformedDocuments()).as("malformed").isEqualTo(MalformedDocumentBehavior.FAIL);
        assertThat(config.behaviorOnNullValues()).as("null values").isEqualTo(NullValueBehavior.DELETE);
    }

    @Test
    void everyKeyIsReadTyped() {
        // given
        Map<String, String> props = config(
                ElasticsearchSinkConfig.URLS, "https://es1:9200, HTTPS://es2:9200/",
                ElasticsearchSinkConfig.USERNAME, "connect",
                ElasticsearchSinkConfig.PASSWORD, "s3cret",
                ElasticsearchSinkConfig.TRUSTSTORE_PATH, "/var/ssl/truststore.p12",
                ElasticsearchSinkConfig.TRUSTSTORE_PASSWORD, "changeit",
                ElasticsearchSinkConfig.TRUSTSTORE_TYPE, "jks",
                ElasticsearchSinkConfig.INDEX_NAME, "catalog",
                ElasticsearchSinkConfig.TOPIC_INDEX_MAP, "filtered-items:items, orders:orders-v1",
                ElasticsearchSinkConfig.INDEX_CREATE, "false",
                ElasticsearchSinkConfig.BATCH_SIZE, "1000",
                ElasticsearchSinkConfig.LINGER_MS, "0",
                ElasticsearchSinkConfig.MAX_RETRIES, "3",
                ElasticsearchSinkConfig.RETRY_BACKOFF_MS, "50",
                ElasticsearchSinkConfig.RETRY_BACKOFF_MAX_MS, "800",
                ElasticsearchSinkConfig.BEHAVIOR_ON_MALFORMED_DOCUMENTS, "WARN",
                ElasticsearchSinkConfig.BEHAVIOR_ON_NULL_VALUES, "Ignore");

        // when
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(props);

        // then
        assertThat(config.urls()).as("urls, scheme lower-cased, trailing slash dropped")
                .containsExactly(URI.create("https://es1:9200"), URI.create("https://es2:9200"));
        assertThat(config.username()).as("username").contains("connect");
        assertThat(config.password().map(p -> p.value())).as("password").contains("s3cret");
        assertThat(config.truststorePath()).as("trust store").contains(Path.of("/var/ssl/truststore.p12"));
        assertThat(config.truststoreType()).as("trust store type").isEqualTo("JKS");
        assertThat(config.indexName()).as("index name").contains("catalog");
        assertThat(config.topicIndexMap()).as("topic index map")
                .containsExactly(Map.entry("filtered-items", "items"), Map.entry("orders", "orders-v1"));
        assertThat(config.indexCreate()).as("index.create").isFalse();
        assertThat(config.batchSize()).as("batch size").isEqualTo(1000);
        assertThat(config.linger()).as("linger").isZero();
        assertThat(config.maxRetries()).as("max retries").isEqualTo(3);
        assertThat(config.retryBackoff()).as("retry backoff").isEqualTo(Duration.ofMillis(50));
        assertThat(config.retryBackoffMax()).as("max retry backoff").isEqualTo(Duration.ofMillis(800));
        assertThat(config.behaviorOnMalformedDocuments()).as("malformed").isEqualTo(MalformedDocumentBehavior.WARN);
        assertThat(config.behaviorOnNullValues()).as("null values").isEqualTo(NullValueBehavior.IGNORE);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "elasticsearch.urls|''",
        "elasticsearch.urls|localhost:9200",
        "elasticsearch.urls|ftp://localhost:9200",
        "elasticsearch.urls|http://",
        "elasticsearch.urls|http://user:pw@localhost:9200",
        "elasticsearch.urls|http://localhost:9200/prefix",
        "elasticsearch.urls|http://localhost:9200?pretty",
        "elasticsearch.username|''",
        "elasticsearch.password|''",
        "elasticsearch.truststore.path|''",
        "elasticsearch.truststore.type|PEM",
        "elasticsearch.connection.timeout.ms|0",
        "elasticsearch.read.timeout.ms|-1",
        "index.name|Items",
        "index.name|_items",
        "index.name|my items",
        "index.name|items#1",
        "topic.index.map|filtered-items",
        "topic.index.map|:items",
        "topic.index.map|filtered-items:Items",
        "topic.index.map|a:x,a:y",
        "index.create|maybe",
        "batch.size|0",
        "batch.size|10001",
        "linger.ms|-1",
        "max.retries|-1",
        "max.retries|101",
        "retry.backoff.ms|-5",
        "retry.backoff.max.ms|300001",
        "behavior.on.malformed.documents|report",
        "behavior.on.null.values|skip",
    })
    void aBadValueIsRejectedNamingItsKey(String key, String value) {
        // given
        Map<String, String> props = config(key, value);

        // when / then
        assertThatThrownBy(() -> new ElasticsearchSinkConfig(props))
                .as("%s=%s", key, value)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void missingUrlsAreRejectedNamingTheKey() {
        // given
        Map<String, String> props = new HashMap<>(config());
        props.remove(ElasticsearchSinkConfig.URLS);

        // when / then
        assertThatThrownBy(() -> new ElasticsearchSinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ElasticsearchSinkConfig.URLS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "elasticsearch.username|elasticsearch.username=connect",
        "elasticsearch.password|elasticsearch.password=s3cret",
        "elasticsearch.truststore.path|elasticsearch.truststore.path=/ssl/ts.p12",
        "elasticsearch.truststore.password|elasticsearch.urls=https://es:9200,elasticsearch.truststore.password=x",
        "retry.backoff.max.ms|retry.backoff.ms=500,retry.backoff.max.ms=400",
    })
    void aBrokenRuleBetweenKeysNamesTheKey(String key, String settings) {
        // given
        Map<String, String> props = config();
        for (String setting : settings.split(",")) {
            String[] parts = setting.split("=", 2);
            props.put(parts[0], parts[1]);
        }

        // when / then
        assertThatThrownBy(() -> new ElasticsearchSinkConfig(props))
                .as(settings)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void aRejectedPasswordIsNotPrintedInTheError() {
        // given: a password without a user
        Map<String, String> props = config(ElasticsearchSinkConfig.PASSWORD, "very-secret");

        // when / then
        assertThatThrownBy(() -> new ElasticsearchSinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("very-secret");
    }

    @Test
    void crossKeyViolationsAreListedWithoutThrowing() {
        // given
        Map<String, String> props = config(ElasticsearchSinkConfig.USERNAME, "connect",
                ElasticsearchSinkConfig.RETRY_BACKOFF_MS, "500", ElasticsearchSinkConfig.RETRY_BACKOFF_MAX_MS, "400");

        // when
        List<ConfigViolation> violations = ElasticsearchSinkConfig.crossKeyViolations(props);

        // then
        assertThat(violations).as("violations").extracting(ConfigViolation::key)
                .containsExactly(ElasticsearchSinkConfig.USERNAME, ElasticsearchSinkConfig.RETRY_BACKOFF_MAX_MS);
    }

    @Test
    void everyKeyIsDocumentedWithAValidatorAndAnImportance() {
        // given / when
        var keys = ElasticsearchSinkConfig.CONFIG_DEF.configKeys().values();

        // then
        assertThat(keys).as("keys").hasSize(18).allSatisfy(key -> {
            assertThat(key.documentation).as("doc of %s", key.name).isNotBlank();
            assertThat(key.importance).as("importance of %s", key.name).isNotNull();
            assertThat(key.group).as("group of %s", key.name).isNotBlank();
            assertThat(key.validator != null || key.type == ConfigDef.Type.BOOLEAN)
                    .as("validator of %s", key.name).isTrue();
        });
    }
}
