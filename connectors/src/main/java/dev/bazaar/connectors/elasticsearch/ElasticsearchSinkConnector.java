package dev.bazaar.connectors.elasticsearch;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sinks topics into Elasticsearch: each record becomes a document whose id is the record key, a
 * tombstone deletes it. Every task gets the same configuration; Connect spreads the partitions,
 * so all writes for one key go through one task, in order.
 */
public final class ElasticsearchSinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSinkConnector.class);

    /** The plugin version, from the jar manifest ({@code unknown} when run from classes). */
    static final String VERSION = Optional.ofNullable(ElasticsearchSinkConnector.class.getPackage())
            .map(Package::getImplementationVersion).orElse("unknown");

    private Map<String, String> props = Map.of();

    @Override
    public void start(Map<String, String> props) {
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(props);
        this.props = new HashMap<>(props);
        log.info("Starting Elasticsearch sink {} to {}, index {}, topic.index.map {}", VERSION, config.urls(),
                config.indexName().orElse("<topic name>"), config.topicIndexMap());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ElasticsearchSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props).stream().<Map<String, String>>map(HashMap::new).toList();
    }

    @Override
    public void stop() {
        log.info("Stopped Elasticsearch sink");
    }

    @Override
    public ConfigDef config() {
        return ElasticsearchSinkConfig.CONFIG_DEF;
    }

    /** Checks each key, then, when each is valid on its own, the rules between keys. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        boolean keysValid = config.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
        if (keysValid) {
            Map<String, ConfigValue> byName = config.configValues().stream()
                    .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
            for (ElasticsearchSinkConfig.Violation violation
                    : ElasticsearchSinkConfig.crossKeyViolations(connectorConfigs)) {
                byName.get(violation.key()).addErrorMessage(violation.toException().getMessage());
            }
        }
        return config;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
