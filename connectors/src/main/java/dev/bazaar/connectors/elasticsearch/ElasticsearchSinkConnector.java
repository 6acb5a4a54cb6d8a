package dev.bazaar.connectors.elasticsearch;

import dev.bazaar.connectors.sink.AbstractSinkConnector;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sinks topics into Elasticsearch: each record becomes a document whose id is the record key, a
 * tombstone deletes it. Every task gets the same configuration; Connect spreads the partitions,
 * so all writes for one key go through one task, in order.
 */
public final class ElasticsearchSinkConnector extends AbstractSinkConnector {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSinkConnector.class);

    public ElasticsearchSinkConnector() {
        super(ElasticsearchSinkConfig.CONFIG_DEF, ElasticsearchSinkTask.class,
                ElasticsearchSinkConfig::crossKeyViolations);
    }

    @Override
    public void start(Map<String, String> props) {
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(props);
        keep(props);
        log.info("Starting Elasticsearch sink {} to {}, index {}, topic.index.map {}", VERSION, config.urls(),
                config.indexName().orElse("<topic name>"), config.topicIndexMap());
    }

    @Override
    public void stop() {
        log.info("Stopped Elasticsearch sink");
    }
}
