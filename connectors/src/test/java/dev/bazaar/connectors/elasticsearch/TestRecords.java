package dev.bazaar.connectors.elasticsearch;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records and configurations for the tests. */
final class TestRecords {

    static final String TOPIC = "filtered-items";
    static final String INDEX = "items";

    private TestRecords() {
    }

    /** A record on partition 0 of {@link #TOPIC} with a JSON text value (null: a tombstone). */
    static SinkRecord record(long offset, String key, String json) {
        return record(0, offset, key, json);
    }

    static SinkRecord record(int partition, long offset, String key, String json) {
        return new SinkRecord(TOPIC, partition, Schema.OPTIONAL_STRING_SCHEMA, key, null, json, offset);
    }

    /** A small item document for {@code key}. */
    static String item(String key, int stock) {
        return "{\"productId\":\"" + key + "\",\"stock\":" + stock + "}";
    }

    /** The smallest valid configuration plus {@code overrides}: topic filtered-items into index items. */
    static Map<String, String> config(String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(ElasticsearchSinkConfig.URLS, "http://localhost:9200");
        props.put(ElasticsearchSinkConfig.TOPIC_INDEX_MAP, TOPIC + ":" + INDEX);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        return props;
    }
}
