package dev.bazaar.filter;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies a change of the stop-list: blocking a product whose item went out sends a tombstone for
 * it; unblocking sends its latest item again (unless that record was unreadable and went to dead
 * letters). Blocking twice changes nothing.
 */
final class BlockProcessor implements Processor<String, byte[], String, byte[]> {

    private final FilterMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private TimestampedKeyValueStore<String, byte[]> latest;
    private KeyValueStore<String, byte[]> blocked;

    BlockProcessor(FilterMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.latest = context.getStateStore(FilterTopology.LATEST_ITEMS);
        this.blocked = context.getStateStore(FilterTopology.BLOCKED);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        metrics.stopListUpdate();
        byte[] item = ValueAndTimestamp.getValueOrNull(latest.get(record.key()));
        if (record.value() == null) {
            if (blocked.get(record.key()) != null) {
                blocked.delete(record.key());
                if (item != null && WireFormat.problem(item) == null) {
                    metrics.reemitted();
                    context.forward(record.withValue(item));
                }
            }
            return;
        }
        boolean wasBlocked = blocked.get(record.key()) != null;
        blocked.put(record.key(), record.value());
        if (!wasBlocked && item != null) {
            metrics.retracted();
            context.forward(record.withValue(null));
        }
    }
}
