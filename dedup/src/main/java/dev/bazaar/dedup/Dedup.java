package dev.bazaar.dedup;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The de-duplicator as a step of any Kafka Streams topology: give it a stream whose records are
 * partitioned by the de-duplication key (so that every copy of a record meets the others on one
 * partition — key the topic by {@link DedupKey}, or repartition by it first), and it returns the
 * first copies and the later ones as two streams. What it remembers lives in a RocksDB window store
 * on disk, backed by a changelog topic, dropped segment by segment as stream time passes the retention.
 *
 * <pre>{@code
 * DedupSettings settings = new DedupSettings("seen-events", Duration.ofDays(7));
 * Dedup.Result<String, byte[]> result = Dedup.apply(builder, raw, settings, DedupKey::fromHex, metrics);
 * result.unique().to("product-events");
 * }</pre>
 */
public final class Dedup {

    private Dedup() {
    }

    /** The first copies and the later copies of the records of one stream. */
    public record Result<K, V>(KStream<K, V> unique, KStream<K, V> duplicates) {
    }

    /**
     * Adds the store of {@code settings} to {@code builder} and the de-duplicating step after
     * {@code stream}, whose key {@code keyBytes} turns into the bytes it remembers.
     */
    public static <K, V> Result<K, V> apply(StreamsBuilder builder, KStream<K, V> stream, DedupSettings settings,
            Function<K, byte[]> keyBytes, DedupMetrics metrics) {
        builder.addStateStore(store(settings));
        KStream<K, Decision<V>> decided = stream.process(() -> new DedupProcessor<>(settings, keyBytes, metrics),
                Named.as(settings.storeName() + "-decide"), settings.storeName());
        KStream<K, V> unique = decided.filter((key, decision) -> !decision.duplicate(), Named.as(settings.storeName() + "-first"))
                .mapValues(Decision::value, Named.as(settings.storeName() + "-first-value"));
        KStream<K, V> duplicates = decided.filter((key, decision) -> decision.duplicate(), Named.as(settings.storeName() + "-copies"))
                .mapValues(Decision::value, Named.as(settings.storeName() + "-copy-value"));
        return new Result<>(unique, duplicates);
    }

    /**
     * The store: a persistent window store whose windows are as long as the retention, keyed by the
     * de-duplication key, holding nothing else (an empty value), so each key costs its 16 bytes, the
     * window's timestamp and sequence number, and RocksDB's own overhead.
     */
    public static StoreBuilder<WindowStore<Bytes, byte[]>> store(DedupSettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(settings.storeName(), settings.retention(), settings.retention(), false),
                Serdes.Bytes(), Serdes.ByteArray());
    }
}
