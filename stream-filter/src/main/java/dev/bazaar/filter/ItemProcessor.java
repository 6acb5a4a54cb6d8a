package dev.bazaar.filter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards each update of the items table (an item, or a tombstone) unless its product is blocked.
 * A record it cannot read goes to dead letters with the reason in headers; the app keeps running.
 */
final class ItemProcessor implements Processor<String, byte[], String, Routed> {

    static final String ERROR_HEADER = "bazaar.error";
    static final String SOURCE_HEADER = "bazaar.source";

    private final FilterMetrics metrics;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, byte[]> blocked;

    ItemProcessor(FilterMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.blocked = context.getStateStore(FilterTopology.BLOCKED);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        metrics.in();
        String problem = record.value() == null ? null : WireFormat.problem(record.value());
        if (problem != null) {
            metrics.deadLetter();
            context.forward(record.withValue(Routed.dead(record.value()))
                    .withHeaders(record.headers()
                            .add(ERROR_HEADER, problem.getBytes(StandardCharsets.UTF_8))
                            .add(SOURCE_HEADER, "items".getBytes(StandardCharsets.UTF_8))));
            return;
        }
        if (blocked.get(record.key()) != null) {
            metrics.dropped();
            return;
        }
        metrics.out();
        context.forward(record.withValue(Routed.forward(record.value())));
    }
}
