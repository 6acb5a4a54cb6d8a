package dev.bazaar.connectors.elasticsearch;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Picks the index a topic's records go to: its {@code topic.index.map} entry, else
 * {@code index.name}, else the topic name in lower case.
 */
final class IndexRouter {

    private final Map<String, String> topicIndexMap;
    private final Optional<String> defaultIndex;
    private final Map<String, String> resolved = new HashMap<>();

    IndexRouter(Map<String, String> topicIndexMap, Optional<String> defaultIndex) {
        this.topicIndexMap = Map.copyOf(topicIndexMap);
        this.defaultIndex = defaultIndex;
    }

    static IndexRouter from(ElasticsearchSinkConfig config) {
        return new IndexRouter(config.topicIndexMap(), config.indexName());
    }

    /**
     * The index for {@code topic}.
     *
     * @throws ConnectException when the index would be the topic name and that is no valid index name
     */
    String indexFor(String topic) {
        return resolved.computeIfAbsent(topic, this::resolve);
    }

    private String resolve(String topic) {
        String mapped = topicIndexMap.get(topic);
        if (mapped != null) {
            return mapped;
        }
        if (defaultIndex.isPresent()) {
            return defaultIndex.get();
        }
        String index = topic.toLowerCase(Locale.ROOT);
        IndexNames.whyInvalid(index).ifPresent(why -> {
            throw new ConnectException("Topic " + topic + " cannot be its own index name (" + why + "): map it with "
                    + ElasticsearchSinkConfig.TOPIC_INDEX_MAP + " or set " + ElasticsearchSinkConfig.INDEX_NAME);
        });
        return index;
    }
}
