package dev.bazaar.dedup.consumer;

import dev.bazaar.dedup.DedupMetrics;
import dev.bazaar.dedup.KeySource;
import dev.bazaar.dedup.UnkeyableRecordException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka consumer that hands out only the first copy of each record within the retention, for teams that
 * do not use Kafka Streams: {@link #poll} skips copies of records it handed out before, {@link #commit}
 * commits the offsets.
 *
 * <pre>{@code
 * try (DedupConsumer<String, String> consumer = DedupConsumer.builder(props, new StringDeserializer(),
 *         new StringDeserializer()).keySource(KeySource.valueFields(List.of("orderId"))).build()) {
 *     consumer.subscribe("orders");
 *     while (running) {
 *         ConsumerRecords<String, String> firsts = consumer.poll(Duration.ofMillis(500));
 *         firsts.forEach(this::process);
 *         consumer.commit();              // after processing what poll returned, before the next poll
 *     }
 * }
 * }</pre>
 *
 * <h2>How it remembers</h2>
 * The keys each input partition has seen (16 bytes each, with the timestamp of the first copy) are kept in
 * memory ({@link SeenKeys}, bounded by the keys within the retention) and in the compacted topic
 * {@code <group>-dedup-keys}, partition p for input partition p, created with the input's partition count
 * when missing. {@link #commit} writes the keys first seen since the last commit with a transactional
 * producer that also commits the consumer's offsets ({@code sendOffsetsToTransaction}): the key set and the
 * offsets move together or not at all. A partition's keys are read back when it is assigned, up to the
 * marker of its committed offset, before any of its records is handed out. The retention runs in the
 * partition's stream time (the largest record timestamp seen), as in the Streams step.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>A copy is never handed out after its original's offset was committed by {@link #commit}: the
 *       original's key was committed with that offset, by this consumer or by the one that owned the
 *       partition, and whoever reads the partition next reads the key back first.</li>
 *   <li>Within one run, a copy of a record handed out earlier is skipped, committed or not.</li>
 *   <li>A crash (or {@link #close} without {@link #commit}, a failed commit, a partition revoked) between
 *       handing records out and committing them hands the same records out again after the restart, to
 *       this or another consumer of the group: processing of originals is at-least-once; make it idempotent
 *       or keep its effects with the offsets. What is handed out again is the original itself, never a copy
 *       of a record whose offset was committed.</li>
 *   <li>Copies are found only where they meet: on one partition. Key the topic by what makes records copies
 *       (as {@code product-events-raw} is keyed by the 16-byte hash), or copies on different partitions are
 *       different records to it. Resetting the group's offsets re-reads records whose keys are remembered:
 *       within the retention they are skipped as copies.</li>
 *   <li>A record that cannot be keyed stops {@link #poll} with an {@link UnkeyableRecordException} naming it
 *       ({@link Unkeyable#FAIL}, the default), its batch given back to be read again; or is handed out, unchecked,
 *       and counted ({@link Unkeyable#HAND_OUT}). It is never skipped.</li>
 * </ul>
 *
 * <p>Its principal needs, besides READ on the input and its group: READ, WRITE and DESCRIBE on
 * {@code <group>-dedup-keys} (and CREATE unless the topic is declared), and WRITE and DESCRIBE on the
 * transactional ids prefixed {@code <group>-dedup-}. Not thread-safe, like {@link KafkaConsumer}; only
 * {@link #wakeup} may be called from another thread.
 */
public final class DedupConsumer<K, V> implements AutoCloseable {

    /** What {@link #poll} does with a record it cannot key. */
    public enum Unkeyable {
        /** Throw, naming it; its batch is read again by the next poll (the default: nothing passes unchecked). */
        FAIL,
        /** Hand it out unchecked and count it ({@link #unkeyableCount}). */
        HAND_OUT
    }

    private static final Logger log = LoggerFactory.getLogger(DedupConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Admin admin;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final KeySource keySource;
    private final Duration retention;
    private final Unkeyable unkeyable;
    private final Duration restoreTimeout;
    private final String keysTopic;
    private final DedupMetrics metrics;
    private final AtomicLong unkeyableCount = new AtomicLong();
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();
    private String input;
    private RuntimeException broken;

    private DedupConsumer(Builder<K, V> builder) {
        String group = (String) builder.config.get(ConsumerConfig.GROUP_ID_CONFIG);
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException(ConsumerConfig.GROUP_ID_CONFIG + " is required: the keys topic and the "
                    + "offsets belong to a group");
        }
        this.keyDeserializer = builder.keyDeserializer;
        this.valueDeserializer = builder.valueDeserializer;
        this.keySource = builder.keySource;
        this.retention = builder.retention;
        this.unkeyable = builder.unkeyable;
        this.restoreTimeout = builder.restoreTimeout;
        this.keysTopic = KeysTopic.name(group);
        this.metrics = new DedupMetrics(builder.metricPrefix);
        String transactionalId = builder.transactionalId.orElse(group + "-dedup-" + UUID.randomUUID());
        this.admin = Admin.create(only(builder.config, AdminClientConfig.configNames(), Map.of()));
        this.consumer = new KafkaConsumer<>(only(builder.config, ConsumerConfig.configNames(), Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.reader = new KafkaConsumer<>(reader(builder.config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(only(builder.config, ProducerConfig.configNames(), Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")),
                new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A builder for a consumer of {@code config} (Kafka's consumer settings; {@code group.id} required). */
    public static <K, V> Builder<K, V> builder(Map<String, ?> config, Deserializer<K> keyDeserializer,
            Deserializer<V> valueDeserializer) {
        return new Builder<>(config, keyDeserializer, valueDeserializer);
    }

    /**
     * Subscribes to {@code topic} (one topic: its partition p keeps its keys in partition p of the keys
     * topic), creating the keys topic when it does not exist.
     */
    public void subscribe(String topic) {
        ensureUsable();
        if (input != null) {
            throw new IllegalStateException("subscribed to " + input + " already: one DedupConsumer reads one topic");
        }
        int inputPartitions = inputPartitions(topic);
        KeysTopic.ensure(admin, keysTopic, inputPartitions);
        input = topic;
        consumer.subscribe(List.of(topic), new Rebalance());
        log.info("dedup consumer: {} ({} partitions), keys in {}, retention {}", topic, inputPartitions, keysTopic, retention);
    }

    /**
     * The first copies among the records fetched, as {@link KafkaConsumer#poll} fetches them; later copies
     * within the retention are skipped and counted.
     *
     * @throws UnkeyableRecordException when a record cannot be keyed under {@link Unkeyable#FAIL}
     * @throws SerializationException when a record's key or value cannot be deserialized (its batch is read again)
     */
    public ConsumerRecords<K, V> poll(Duration timeout) {
        ensureUsable();
        ConsumerRecords<byte[], byte[]> fetched = consumer.poll(timeout);
        ensureUsable();
        if (fetched.isEmpty()) {
            return ConsumerRecords.empty();
        }
        List<Prepared<K, V>> prepared = prepare(fetched);
        Map<TopicPartition, List<ConsumerRecord<K, V>>> firsts = new LinkedHashMap<>();
        for (Prepared<K, V> record : prepared) {
            if (first(record)) {
                firsts.computeIfAbsent(record.partition(), tp -> new ArrayList<>()).add(record.record());
            }
        }
        fetched.nextOffsets().forEach((tp, next) -> state(tp).readUpTo(next));
        return new ConsumerRecords<>(firsts, fetched.nextOffsets());
    }

    /**
     * Commits, in one transaction, the keys first seen since the last commit and the offsets of everything
     * {@link #poll} returned (and skipped). Call it after processing what poll returned.
     *
     * @throws KafkaException when the commit failed (the transaction was aborted: those records will be handed
     *         out again unless a later commit of this consumer succeeds while it still owns their partitions)
     */
    public void commit() {
        ensureUsable();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((tp, state) -> state.toCommit().ifPresent(offset -> offsets.put(tp, offset)));
        if (offsets.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            offsets.keySet().forEach(tp -> partitions.get(tp).writes(keysTopic, tp.partition()).forEach(producer::send));
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException e) {
            broken = new IllegalStateException("the dedup consumer's producer cannot go on: " + e.getMessage(), e);
            throw broken;
        } catch (KafkaException e) {
            abort(e);
            throw e;
        }
        offsets.keySet().forEach(tp -> partitions.get(tp).committed());
        log.trace("committed {}", offsets);
    }

    /** The partitions assigned now. */
    public Set<TopicPartition> assignment() {
        return consumer.assignment();
    }

    /** First copies handed out and copies skipped, counted as {@code <prefix>_unique_total} and {@code _duplicates_total}. */
    public DedupMetrics metrics() {
        return metrics;
    }

    /** Records handed out unchecked because they could not be keyed ({@link Unkeyable#HAND_OUT}). */
    public long unkeyableCount() {
        return unkeyableCount.get();
    }

    /** Wakes a {@link #poll} blocked in another thread, as {@link KafkaConsumer#wakeup} does. */
    public void wakeup() {
        consumer.wakeup();
    }

    /** Closes every client without committing: what was handed out since the last commit will be again. */
    @Override
    public void close() {
        closeQuietly("consumer", () -> consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT)));
        closeQuietly("producer", () -> producer.close(CLOSE_TIMEOUT));
        closeQuietly("keys reader", () -> reader.close(CloseOptions.timeout(CLOSE_TIMEOUT)));
        closeQuietly("admin", () -> admin.close(CLOSE_TIMEOUT));
        partitions.clear();
    }

    private boolean first(Prepared<K, V> record) {
        if (record.key() == null) {
            unkeyableCount.incrementAndGet();
            log.trace("{}: handed out unchecked (cannot be keyed)", record.where());
            return true;
        }
        if (state(record.partition()).copy(record.key(), record.record().timestamp())) {
            metrics.duplicate();
            log.trace("{}: a copy, skipped", record.where());
            return false;
        }
        metrics.unique();
        log.trace("{}: a first copy", record.where());
        return true;
    }

    /** Keys and deserializes the whole batch before deciding anything, so a failure leaves no trace but a rewind. */
    private List<Prepared<K, V>> prepare(ConsumerRecords<byte[], byte[]> fetched) {
        List<Prepared<K, V>> prepared = new ArrayList<>(fetched.count());
        for (ConsumerRecord<byte[], byte[]> record : fetched) {
            try {
                prepared.add(Prepared.of(record, key(record), keyDeserializer, valueDeserializer));
            } catch (RuntimeException e) {
                rewind(fetched);
                throw e;
            }
        }
        return prepared;
    }

    private byte[] key(ConsumerRecord<byte[], byte[]> record) {
        try {
            return keySource.keyOf(record.key(), record.value());
        } catch (UnkeyableRecordException e) {
            if (unkeyable == Unkeyable.HAND_OUT) {
                return null;
            }
            throw new UnkeyableRecordException(Prepared.where(record) + " cannot be keyed: " + e.getMessage(), e);
        }
    }

    /** Seeks each partition of {@code fetched} back to its first record, so the next poll reads them again. */
    private void rewind(ConsumerRecords<byte[], byte[]> fetched) {
        for (TopicPartition tp : fetched.partitions()) {
            consumer.seek(tp, fetched.records(tp).getFirst().offset());
        }
    }

    private PartitionState state(TopicPartition tp) {
        PartitionState state = partitions.get(tp);
        if (state == null) {
            throw new IllegalStateException("records of " + tp + " without its keys read back: refusing to hand them out");
        }
        return state;
    }

    private void abort(KafkaException cause) {
        log.warn("dedup consumer: commit failed, aborting its transaction: {}", cause.getMessage());
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            broken = new IllegalStateException("the dedup consumer's transaction can neither commit nor abort", e);
            e.addSuppressed(cause);
            throw broken;
        }
    }

    private void ensureUsable() {
        if (broken != null) {
            throw new IllegalStateException("this dedup consumer failed and must be closed: " + broken.getMessage(), broken);
        }
    }

    private int inputPartitions(String topic) {
        try {
            return KeysTopic.partitions(admin, topic).orElseThrow(() -> new IllegalStateException("topic " + topic
                    + " does not exist"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer about topic " + topic, e);
        }
    }

    /** Reads each newly assigned partition's keys back before its records are handed out; forgets revoked ones. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (assigned.isEmpty()) {
                return;
            }
            try {
                restore(assigned);
            } catch (RuntimeException e) {
                broken = new IllegalStateException("cannot read back the keys of " + assigned + ": " + e.getMessage(), e);
                throw broken;
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            forget(revoked, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            forget(lost, "lost");
        }

        /** Reads back the keys of every partition in {@code assigned} in one pass over the keys topic. */
        private void restore(Collection<TopicPartition> assigned) {
            long started = System.nanoTime();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned));
            Map<TopicPartition, Optional<Long>> markers = new HashMap<>();
            Map<TopicPartition, SeenKeys> keys = new HashMap<>();
            Map<TopicPartition, PartitionState> restored = new HashMap<>();
            for (TopicPartition tp : assigned) {
                TopicPartition keysPartition = new TopicPartition(keysTopic, tp.partition());
                PartitionState state = new PartitionState(retention);
                markers.put(keysPartition, Optional.ofNullable(committed.get(tp)).map(OffsetAndMetadata::offset));
                keys.put(keysPartition, state.keys());
                restored.put(tp, state);
            }
            long records = KeysTopic.restore(reader, markers, keys, restoreTimeout);
            restored.values().forEach(state -> state.keys().purge());
            partitions.putAll(restored);
            log.info("dedup consumer: assigned {}: {} keys read back from {} records of {} in {} ms", assigned,
                    restored.values().stream().mapToInt(state -> state.keys().size()).sum(), records, keysTopic,
                    (System.nanoTime() - started) / 1_000_000);
        }

        private void forget(Collection<TopicPartition> gone, String how) {
            for (TopicPartition tp : gone) {
                PartitionState state = partitions.remove(tp);
                if (state != null && state.toCommit().isPresent()) {
                    log.info("dedup consumer: {} {} with uncommitted work: its records since the last commit will be "
                            + "handed out again by its next owner", tp, how);
                }
            }
        }
    }

    private static void closeQuietly(String what, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            log.warn("dedup consumer: closing its {} failed", what, e);
        }
    }

    private static Map<String, Object> only(Map<String, ?> config, Set<String> names, Map<String, Object> forced) {
        Map<String, Object> chosen = new HashMap<>();
        config.forEach((key, value) -> {
            if (names.contains(key)) {
                chosen.put(key, value);
            }
        });
        chosen.putAll(forced);
        return chosen;
    }

    private static Map<String, Object> reader(Map<String, ?> config) {
        Map<String, Object> chosen = only(config, ConsumerConfig.configNames(), Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000"));
        chosen.remove(ConsumerConfig.GROUP_ID_CONFIG);
        chosen.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        chosen.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        return chosen;
    }

    /** Sets up a {@link DedupConsumer}. */
    public static final class Builder<K, V> {

        private final Map<String, ?> config;
        private final Deserializer<K> keyDeserializer;
        private final Deserializer<V> valueDeserializer;
        private KeySource keySource = KeySource.recordKey();
        private Duration retention = Duration.ofDays(7);
        private Unkeyable unkeyable = Unkeyable.FAIL;
        private Duration restoreTimeout = Duration.ofMinutes(2);
        private Optional<String> transactionalId = Optional.empty();
        private String metricPrefix = "dedup_consumer";

        private Builder(Map<String, ?> config, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
            this.config = Map.copyOf(Objects.requireNonNull(config, "config"));
            this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
            this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        }

        /** What makes two records copies (default: the record key). */
        public Builder<K, V> keySource(KeySource source) {
            this.keySource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** How long a key is remembered, in stream time (default: 7 days). */
        public Builder<K, V> retention(Duration retention) {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + retention);
            }
            this.retention = retention;
            return this;
        }

        /** What {@link #poll} does with a record it cannot key (default: {@link Unkeyable#FAIL}). */
        public Builder<K, V> unkeyable(Unkeyable policy) {
            this.unkeyable = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How long reading back a partition's keys may wait for its marker (default: 2 min; keep it below max.poll.interval.ms). */
        public Builder<K, V> restoreTimeout(Duration timeout) {
            this.restoreTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * A transactional id that stays the same across restarts of this consumer (default: {@code <group>-dedup-}
         * and a random UUID), so a restarted instance fences its previous run at once instead of waiting out
         * that run's open transaction. Keep the {@code <group>-dedup-} prefix the ACLs name.
         */
        public Builder<K, V> transactionalId(String id) {
            this.transactionalId = Optional.of(id);
            return this;
        }

        /** The prefix of {@link #metrics}' counter names (default: {@code dedup_consumer}). */
        public Builder<K, V> metricPrefix(String prefix) {
            this.metricPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The consumer, its clients connected (its producer's transactions initialised). */
        public DedupConsumer<K, V> build() {
            return new DedupConsumer<>(this);
        }
    }
}
