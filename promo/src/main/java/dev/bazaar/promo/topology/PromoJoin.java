package dev.bazaar.promo.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The join of a store's campaigns with its subscribers, on the task that owns the store. Time is the
 * wall clock: a campaign is active while start ≤ now ≤ end (epoch seconds, both included).
 * <ul>
 *   <li>A campaign that already ended is dropped (counted). One that is active notifies every current
 *       subscriber; one that starts later waits in {@value PromoTopology#CAMPAIGNS} and a wall-clock
 *       punctuation (every second by default: stream time moves only when records arrive) notifies at
 *       its start. An ended campaign leaves the store, with what it notified.</li>
 *   <li>A customer who joins a store's subscribers is notified of each of its active campaigns.</li>
 *   <li>Exactly once per campaign and customer: {@value PromoTopology#NOTIFIED} remembers each
 *       notification until its campaign ends, in the same transaction as the notification
 *       (exactly_once_v2), so a campaign sent twice, a restart or a crash, or a customer who leaves and
 *       joins again, never notifies twice.</li>
 * </ul>
 * A customer's membership is counted ({@value PromoTopology#MEMBERS}): two rows for the same store and
 * customer are one subscription, which ends with the last of them.
 */
final class PromoJoin implements Processor<String, JoinInput, String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(PromoJoin.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final NotificationWriter writer;
    private final PromoMetrics metrics;
    private final Duration punctuation;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Integer> members;
    private KeyValueStore<String, byte[]> campaigns;
    private KeyValueStore<String, Long> notified;

    PromoJoin(NotificationWriter writer, PromoMetrics metrics, Duration punctuation) {
        this.writer = writer;
        this.metrics = metrics;
        this.punctuation = punctuation;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.members = context.getStateStore(PromoTopology.MEMBERS);
        this.campaigns = context.getStateStore(PromoTopology.CAMPAIGNS);
        this.notified = context.getStateStore(PromoTopology.NOTIFIED);
        context.schedule(punctuation, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, JoinInput> record) {
        switch (record.value()) {
            case JoinInput.CampaignArrived arrived -> campaign(record.key(), Campaign.read(arrived.json()));
            case JoinInput.MembershipChanged changed -> membership(record.key(), changed.change());
        }
    }

    private void campaign(String store, Campaign campaign) {
        long now = nowSeconds();
        metrics.campaign();
        if (campaign.endedBy(now)) {
            metrics.expired();
            log.debug("campaign {} of store {} ended at {} (now {}): nothing to notify", campaign.campaignId(), store,
                    campaign.endSeconds(), now);
            return;
        }
        boolean active = campaign.activeAt(now);
        if (active) {
            fanOut(store, campaign, now);
        }
        campaigns.put(Keys.of(store, campaign.campaignId()), StoredCampaign.of(campaign, active).encode());
    }

    private void membership(String store, MembershipChange change) {
        String key = Keys.of(store, change.clientId());
        Integer count = members.get(key);
        int before = count == null ? 0 : count;
        int after = Math.max(0, before + change.delta());
        if (after == 0) {
            members.delete(key);
        } else {
            members.put(key, after);
        }
        if (before > 0 || after == 0) {
            return;
        }
        long now = nowSeconds();
        try (KeyValueIterator<String, byte[]> stored = campaigns.prefixScan(Keys.prefix(store), KEYS)) {
            while (stored.hasNext()) {
                StoredCampaign campaign = StoredCampaign.decode(stored.next().value);
                if (campaign.activeAt(now)) {
                    notify(store, campaign.campaign(), change.clientId(), now);
                }
            }
        }
    }

    private void fanOut(String store, Campaign campaign, long now) {
        try (KeyValueIterator<String, Integer> subscribers = members.prefixScan(Keys.prefix(store), KEYS)) {
            while (subscribers.hasNext()) {
                notify(store, campaign, Keys.last(subscribers.next().key), now);
            }
        }
    }

    private void notify(String store, Campaign campaign, String client, long now) {
        String key = Keys.of(store, campaign.campaignId(), client);
        if (notified.get(key) != null) {
            metrics.repeatSkipped();
            return;
        }
        notified.put(key, now);
        metrics.notification();
        log.trace("notifying {} of campaign {} of store {}", client, campaign.campaignId(), store);
        context.forward(new Record<>(client, writer.write(campaign, client, now), now * 1000));
    }

    /** Notifies for campaigns that started since, forgets those that ended, and counts the active ones. */
    private void punctuate(long wallClockMillis) {
        long now = wallClockMillis / 1000;
        List<KeyValue<String, StoredCampaign>> starting = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        int active = 0;
        int pending = 0;
        try (KeyValueIterator<String, byte[]> all = campaigns.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                StoredCampaign campaign = StoredCampaign.decode(entry.value);
                if (campaign.endedBy(now)) {
                    ended.add(entry.key);
                } else if (campaign.activeAt(now)) {
                    active++;
                    if (!campaign.fannedOut()) {
                        starting.add(KeyValue.pair(entry.key, campaign));
                    }
                } else {
                    pending++;
                }
            }
        }
        for (KeyValue<String, StoredCampaign> entry : starting) {
            String store = entry.key.substring(0, entry.key.indexOf(Keys.SEPARATOR));
            fanOut(store, entry.value.campaign(), now);
            campaigns.put(entry.key, entry.value.markedFannedOut().encode());
        }
        ended.forEach(this::forget);
        metrics.campaigns(context.taskId().toString(), active, pending);
    }

    private void forget(String campaignKey) {
        campaigns.delete(campaignKey);
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, Long> notifications = notified.prefixScan(campaignKey + Keys.SEPARATOR, KEYS)) {
            notifications.forEachRemaining(entry -> done.add(entry.key));
        }
        done.forEach(notified::delete);
        log.debug("campaign {} ended: forgot it and its {} notification(s)", campaignKey.replace(Keys.SEPARATOR, '/'),
                done.size());
    }

    private long nowSeconds() {
        return context.currentSystemTimeMs() / 1000;
    }
}
