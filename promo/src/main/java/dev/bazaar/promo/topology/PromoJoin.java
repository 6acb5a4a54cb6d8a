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
 *       subscriber (its fan-out); one that starts later waits in {@value PromoTopology#CAMPAIGNS} and a
 *       wall-clock punctuation (every second by default: stream time moves only when records arrive) fans
 *       it out at its start. An ended campaign leaves the store, with what it remembered.</li>
 *   <li>A customer who joins a store's subscribers is notified of each of its active campaigns.</li>
 *   <li>Exactly once per campaign and customer, with state written in the same transaction as the
 *       notifications (exactly_once_v2). A campaign is fanned out once ({@link StoredCampaign#fannedOut()});
 *       afterwards, who has been notified of it is <em>its store's current subscribers</em> plus the
 *       customers {@value PromoTopology#NOTIFIED} names. That store gets an entry only when the subscribers
 *       change: a customer who joins after the fan-out is notified and remembered, one who leaves is
 *       remembered as notified (a subscriber of a fanned-out campaign has always been notified of it). So
 *       a campaign sent twice, a restart or a crash, or a customer who leaves and joins again never
 *       notifies twice — and the fan-out itself writes no state per notification, only the notifications.</li>
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
        String key = Keys.of(store, campaign.campaignId());
        byte[] known = campaigns.get(key);
        boolean fannedOut = known != null && StoredCampaign.decode(known).fannedOut();
        if (fannedOut) {
            skipRepeats(store, campaign);
        } else if (campaign.activeAt(now)) {
            fanOut(store, campaign, now);
            fannedOut = true;
        }
        campaigns.put(key, StoredCampaign.of(campaign, fannedOut).encode());
    }

    /** The campaign came again after its fan-out: each current subscriber has had its notification. */
    private void skipRepeats(String store, Campaign campaign) {
        log.debug("campaign {} of store {} came again: its subscribers have been notified", campaign.campaignId(),
                store);
        try (KeyValueIterator<String, Integer> subscribers = members.prefixScan(Keys.prefix(store), KEYS)) {
            subscribers.forEachRemaining(subscriber -> metrics.repeatSkipped());
        }
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
        if (before == 0 && after > 0) {
            joined(store, change.clientId());
        } else if (before > 0 && after == 0) {
            left(store, change.clientId());
        }
    }

    /** Notifies a new subscriber of the store's active campaigns it has not had. */
    private void joined(String store, String client) {
        long now = nowSeconds();
        for (KeyValue<String, StoredCampaign> entry : storeCampaigns(store)) {
            StoredCampaign campaign = entry.value;
            if (!campaign.activeAt(now)) {
                continue;
            }
            if (!campaign.fannedOut()) {
                // started by the clock, not yet by the punctuation: its fan-out includes the new subscriber
                fanOut(store, campaign.campaign(), now);
                campaigns.put(entry.key, campaign.markedFannedOut().encode());
                continue;
            }
            String notifiedKey = Keys.of(entry.key, client);
            if (notified.get(notifiedKey) != null) {
                metrics.repeatSkipped();
            } else {
                notified.put(notifiedKey, now);
                send(store, campaign.campaign(), client, now);
            }
        }
    }

    /** Remembers that a leaving subscriber had each fanned-out active campaign's notification. */
    private void left(String store, String client) {
        long now = nowSeconds();
        for (KeyValue<String, StoredCampaign> entry : storeCampaigns(store)) {
            if (entry.value.fannedOut() && entry.value.activeAt(now)) {
                notified.putIfAbsent(Keys.of(entry.key, client), now);
            }
        }
    }

    private List<KeyValue<String, StoredCampaign>> storeCampaigns(String store) {
        List<KeyValue<String, StoredCampaign>> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> stored = campaigns.prefixScan(Keys.prefix(store), KEYS)) {
            stored.forEachRemaining(entry -> found.add(KeyValue.pair(entry.key, StoredCampaign.decode(entry.value))));
        }
        return found;
    }

    /** The campaign's notification to each current subscriber of the store. */
    private void fanOut(String store, Campaign campaign, long now) {
        NotificationWriter.Template template = writer.template(campaign, now);
        int sent = 0;
        try (KeyValueIterator<String, Integer> subscribers = members.prefixScan(Keys.prefix(store), KEYS)) {
            while (subscribers.hasNext()) {
                String client = Keys.last(subscribers.next().key);
                log.trace("notifying {} of campaign {} of store {}", client, campaign.campaignId(), store);
                context.forward(new Record<>(client, template.to(client), now * 1000));
                sent++;
            }
        }
        metrics.notifications(sent);
        log.debug("campaign {} of store {} fanned out to {} subscriber(s)", campaign.campaignId(), store, sent);
    }

    private void send(String store, Campaign campaign, String client, long now) {
        metrics.notifications(1);
        log.trace("notifying {} of campaign {} of store {}", client, campaign.campaignId(), store);
        context.forward(new Record<>(client, writer.template(campaign, now).to(client), now * 1000));
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
