package dev.bazaar.dedup;

import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, record by record, whether its key was seen within the retention, in one step: the check
 * and the note that it was seen happen in the same task, on the partition all copies of a key go to,
 * and are committed with the output in one transaction (exactly_once_v2). There is no moment in which
 * two copies both pass, and a crash replays both the decision and its output or neither.
 */
final class DedupProcessor<K, V> implements Processor<K, V, K, Decision<V>> {

    static final byte[] SEEN = new byte[0];
    private static final Logger log = LoggerFactory.getLogger(DedupProcessor.class);

    private final DedupSettings settings;
    private final Function<K, byte[]> keyBytes;
    private final DedupMetrics metrics;
    private ProcessorContext<K, Decision<V>> context;
    private WindowStore<Bytes, byte[]> seen;

    DedupProcessor(DedupSettings settings, Function<K, byte[]> keyBytes, DedupMetrics metrics) {
        this.settings = settings;
        this.keyBytes = keyBytes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<K, Decision<V>> context) {
        this.context = context;
        this.seen = context.getStateStore(settings.storeName());
    }

    @Override
    public void process(Record<K, V> record) {
        Bytes key = Bytes.wrap(keyBytes.apply(record.key()));
        long time = record.timestamp();
        long retention = settings.retention().toMillis();
        // a copy counts within the retention on either side: copies can arrive out of timestamp order
        try (WindowStoreIterator<byte[]> earlier = seen.fetch(key, Instant.ofEpochMilli(Math.max(0, time - retention)),
                Instant.ofEpochMilli(saturatedAdd(time, retention)))) {
            if (earlier.hasNext()) {
                log.trace("{}: key {} at {} is a copy", settings.storeName(), key, time);
                metrics.duplicate();
                context.forward(record.withValue(Decision.copy(record.value())));
                return;
            }
        }
        seen.put(key, SEEN, time);
        log.trace("{}: key {} at {} is a first copy", settings.storeName(), key, time);
        metrics.unique();
        context.forward(record.withValue(Decision.first(record.value())));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
