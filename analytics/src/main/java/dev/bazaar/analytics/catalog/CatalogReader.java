package dev.bazaar.analytics.catalog;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted catalog topic whole, from the beginning of every partition to the end it had
 * when the read began: the latest value of each product wins and a tombstone removes it. The
 * consumer is assigned the partitions and commits nothing, so the job needs no consumer group (its
 * ACLs are READ and DESCRIBE on the topic).
 */
public final class CatalogReader {

    private static final Logger log = LoggerFactory.getLogger(CatalogReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final Duration timeout;
    private final ItemDecoder decoder = new ItemDecoder();

    /** What a read found: the catalog and how many records made it. */
    public record Result(Catalog catalog, long records, long tombstones, long unreadable) {
    }

    public CatalogReader(Consumer<String, byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /** Reads {@code topic} to its current end; fails with a {@link TimeoutException} when that takes over the timeout. */
    public Result read(String topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Set<TopicPartition> remaining = new HashSet<>(partitions);
        Map<String, Product> products = new HashMap<>();
        long[] counts = new long[3];
        while (true) {
            remaining.removeIf(partition -> consumer.position(partition, timeout) >= ends.get(partition));
            if (remaining.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("read " + topic + " only partly within " + timeout.toSeconds()
                        + " s: partitions " + remaining + " not read to their end");
            }
            consumer.poll(POLL).forEach(record -> apply(record, products, counts));
        }
        log.info("read {} record(s) of {}: {} product(s), {} tombstone(s), {} unreadable", counts[0], topic,
                products.size(), counts[1], counts[2]);
        return new Result(new Catalog(products), counts[0], counts[1], counts[2]);
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist: run './bazaar setup apply'");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private void apply(ConsumerRecord<String, byte[]> record, Map<String, Product> products, long[] counts) {
        counts[0]++;
        if (record.key() == null) {
            counts[2]++;
            log.warn("skipped a record without a key at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            counts[1]++;
            products.remove(record.key());
            return;
        }
        StringBuilder problem = new StringBuilder();
        Optional<Product> product = decoder.decode(record.key(), record.value(), problem);
        if (product.isPresent()) {
            products.put(record.key(), product.get());
        } else {
            counts[2]++;
            log.warn("skipped item {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(),
                    record.offset(), problem);
        }
    }
}
