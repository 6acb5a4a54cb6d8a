package dev.bazaar.filter;

import dev.bazaar.common.Topics;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The filter: items of products that are not blocked go to {@code filtered-items}. The latest
 * item of every product is kept, so that blocking a product after its item went out sends a
 * tombstone, and unblocking it sends the item again.
 *
 * <p>The latest items are {@code items} read as a table whose store is restored from {@code items}
 * itself (the topic is compacted by product id), not from a changelog: the filter writes each item
 * once, to {@code filtered-items}, instead of twice. The stop-list is repartitioned to the items'
 * partition count so both land on the task that owns the product. A record without a key cannot
 * enter the table: Kafka Streams skips it and counts it in its {@code dropped-records} metric.
 */
public final class FilterTopology {

    public static final String LATEST_ITEMS = "latest-items";
    public static final String BLOCKED = "blocked";
    static final String ITEM_PROCESSOR = "filter-items";
    static final String BLOCK_PROCESSOR = "apply-stop-list";

    private FilterTopology() {
    }

    /** The filter's topology; {@code itemPartitions} is the partition count of {@code items}. */
    public static Topology build(int itemPartitions, FilterMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BLOCKED),
                Serdes.String(), Serdes.ByteArray()));
        builder.table(Topics.ITEMS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("items"),
                        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(LATEST_ITEMS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()).withCachingDisabled())
                .toStream(Named.as("item-updates"))
                .process(() -> new ItemProcessor(metrics), Named.as(ITEM_PROCESSOR), BLOCKED)
                .split()
                .branch((key, routed) -> routed.deadLetter(), Branched.withConsumer(
                        dead -> dead.mapValues(Routed::value).to(Topics.DLQ_STREAM_FILTER,
                                Produced.with(Serdes.String(), Serdes.ByteArray()))))
                .defaultBranch(Branched.withConsumer(
                        ok -> ok.mapValues(Routed::value).to(Topics.FILTERED_ITEMS,
                                Produced.with(Serdes.String(), Serdes.ByteArray()))));
        builder.stream(Topics.BLOCKED_PRODUCTS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("stop-list"))
                .repartition(Repartitioned.<String, byte[]>with(Serdes.String(), Serdes.ByteArray())
                        .withName("blocked").withNumberOfPartitions(itemPartitions))
                .process(() -> new BlockProcessor(metrics), Named.as(BLOCK_PROCESSOR), LATEST_ITEMS, BLOCKED)
                .to(Topics.FILTERED_ITEMS, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build(optimizations());
    }

    /** The settings the topology is built with, which the Streams client must be given too. */
    public static Properties optimizations() {
        Properties props = new Properties();
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        return props;
    }
}
