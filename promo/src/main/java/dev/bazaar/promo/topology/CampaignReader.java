package dev.bazaar.promo.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each record of {@code promo-campaigns} and keys it by its store, whatever its producer keyed
 * it by, so that it meets the store's subscribers on one task; a record that is not a campaign goes
 * to the dead letters with the field that is wrong.
 */
final class CampaignReader implements Processor<byte[], byte[], String, Routed> {

    private static final Logger log = LoggerFactory.getLogger(CampaignReader.class);

    private final PromoMetrics metrics;
    private ProcessorContext<String, Routed> context;

    CampaignReader(PromoMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Campaign campaign;
        try {
            campaign = Campaign.read(record.value());
        } catch (InvalidRecordException e) {
            metrics.deadLetter();
            log.warn("campaign refused, to the dead letters: {}", e.getMessage());
            DeadLetters.send(context, record, "promo-campaigns: " + e.getMessage());
            return;
        }
        log.trace("campaign {} of store {}", campaign.campaignId(), campaign.storeId());
        context.forward(new Record<>(campaign.storeId(), Routed.ok(campaign.json()), record.timestamp(),
                record.headers()));
    }
}
