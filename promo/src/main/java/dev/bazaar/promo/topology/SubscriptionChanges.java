package dev.bazaar.promo.topology;

import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the subscriber table's changes as a table keyed by the row's id (store {@value PromoTopology#ROWS}:
 * id to store and customer), and turns each into what it changes for the stores: the customer leaving
 * the row's old store, joining its new one. A delete needs no more than the row's id (the CDC topic's
 * tombstone), an update that moves a row between stores is a leave and a join, and a change seen again
 * (a connector that restarted and re-sent it) changes nothing.
 */
final class SubscriptionChanges implements Processor<byte[], byte[], String, Routed> {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionChanges.class);

    private final PromoMetrics metrics;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, String> rows;

    SubscriptionChanges(PromoMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.rows = context.getStateStore(PromoTopology.ROWS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Subscription change;
        try {
            change = Subscription.read(record.key(), record.value());
        } catch (InvalidRecordException e) {
            metrics.deadLetter();
            log.warn("subscriber row change refused, to the dead letters: {}", e.getMessage());
            DeadLetters.send(context, record, "promo-subscribers: " + e.getMessage());
            return;
        }
        Optional<String> before = Optional.ofNullable(rows.get(change.rowId()));
        Optional<String> after = change.member().map(member -> Keys.of(member.storeId(), member.clientId()));
        if (Objects.equals(before, after)) {
            return;
        }
        metrics.subscriptionChange();
        before.ifPresent(member -> forward(record, member, -1));
        after.ifPresentOrElse(member -> rows.put(change.rowId(), member), () -> rows.delete(change.rowId()));
        after.ifPresent(member -> forward(record, member, 1));
    }

    private void forward(Record<byte[], byte[]> record, String member, int delta) {
        String store = member.substring(0, member.indexOf(Keys.SEPARATOR));
        MembershipChange change = new MembershipChange(Keys.last(member), delta);
        log.trace("customer {} {} store {}", change.clientId(), delta > 0 ? "joins" : "leaves", store);
        context.forward(new Record<>(store, Routed.ok(change.encode()), record.timestamp()));
    }
}
