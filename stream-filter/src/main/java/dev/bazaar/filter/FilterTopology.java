package dev.bazaar.filter;

import dev.bazaar.common.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The filter: items of products that are not blocked go to {@code filtered-items}. The latest
 * item of every product is kept, so that blocking a product after its item went out sends a
 * tombstone, and unblocking it sends the item again. The stop-list is repartitioned to the items'
 * partition count so both land on the task that owns the product.
 */
public final class FilterTopology {

    public static final String LATEST_ITEMS = "latest-items";
    public static final String BLOCKED = "blocked";
    static final String ITEM_PROCESSOR = "filter-items";
    static final String BLOCK_PROCESSOR = "apply-stop-list";

    private FilterTopology() {
    }

    /** Adds the filter to {@code builder}; {@code itemPartitions} is the partition count of {@code items}. */
    public static void build(StreamsBuilder builder, int itemPartitions, FilterMetrics metrics) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST_ITEMS),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BLOCKED),
                Serdes.String(), Serdes.ByteArray()));
        builder.stream(Topics.ITEMS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("items"))
                .process(() -> new ItemProcessor(metrics), Named.as(ITEM_PROCESSOR),
                        LATEST_ITEMS, BLOCKED)
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
                .process(() -> new BlockProcessor(metrics), Named.as(BLOCK_PROCESSOR),
                        LATEST_ITEMS, BLOCKED)
                .to(Topics.FILTERED_ITEMS, Produced.with(Serdes.String(), Serdes.ByteArray()));
    }
}
