package dev.bazaar.dedup.app;

import dev.bazaar.dedup.Dedup;
import dev.bazaar.dedup.DedupSettings;
import dev.bazaar.dedup.KeySource;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The generic app's topology: records of {@code from}, keyed ({@link KeySource}), then the library's
 * de-duplicating step ({@link Dedup#apply}); first copies to {@code to} and later ones to the duplicates
 * topic, each exactly as it arrived — record key, value, headers and timestamp. Keyed by value fields,
 * records first pass a repartition topic ({@code <application.id>-by-dedup-key-repartition}) keyed by the
 * 16-byte key, so every copy meets the others on one partition; keyed by the record key they are
 * already on one (a producer's default partitioner puts equal keys together).
 *
 * <p>The record timestamp is the time that counts: expiry runs in stream time (the largest timestamp
 * the task has seen), never the wall clock, and a topic whose producer sets the receive time (as
 * events-api does) cannot have every key expired by one client's clock.
 */
public final class DedupTopology {

    /** The state store of seen keys; its changelog is {@code <application.id>-seen-keys-changelog}. */
    public static final String STORE = "seen-keys";
    static final String REPARTITION = "by-dedup-key";

    private DedupTopology() {
    }

    /** Adds the job's topology to {@code builder}, counting into {@code metrics}. */
    public static void build(StreamsBuilder builder, DedupJob job, AppMetrics metrics) {
        KeySource source = job.keySource();
        KStream<Bytes, Keyed> keyed = builder.stream(job.from(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("input"))
                .process(() -> new KeyingProcessor(source, job.deadLetter().isPresent(), metrics), Named.as("key"));
        if (job.deadLetter().isPresent()) {
            keyed.filter((key, record) -> key == null, Named.as("unkeyable"))
                    .map(DedupTopology::asArrived, Named.as("unkeyable-as-arrived"))
                    .to(job.deadLetter().get(), produced("dead-letter"));
            keyed = keyed.filter((key, record) -> key != null, Named.as("keyed"));
        }
        if (!source.copiesSharePartitions()) {
            keyed = keyed.repartition(Repartitioned.with(Serdes.Bytes(), new KeyedSerde()).withName(REPARTITION));
        }
        Dedup.Result<Bytes, Keyed> result = Dedup.apply(builder, keyed, new DedupSettings(STORE, job.retention()),
                Bytes::get, metrics.decisions());
        result.unique().map(DedupTopology::asArrived, Named.as("first-as-arrived"))
                .to(job.to(), produced("first-copies"));
        job.duplicates().ifPresent(topic -> result.duplicates().map(DedupTopology::asArrived, Named.as("copy-as-arrived"))
                .to(topic, produced("later-copies")));
    }

    /** A sink of bytes as they arrived; a new one each time, since {@code Produced.withName} changes its object. */
    private static Produced<byte[], byte[]> produced(String name) {
        return Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name);
    }

    private static KeyValue<byte[], byte[]> asArrived(Bytes key, Keyed record) {
        return KeyValue.pair(record.recordKey(), record.value());
    }
}
