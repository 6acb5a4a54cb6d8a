package dev.bazaar.promo.topology;

import dev.bazaar.common.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * promo: campaigns of {@code promo-campaigns} joined with the subscribers of their store, which
 * {@code promo-subscribers} holds as the subscriber table's changes keyed by row id, into one
 * notification per campaign and subscriber on {@code promo-notifications} while the campaign is
 * active ({@link PromoJoin}). Both inputs are re-keyed by store and repartitioned to the same number of
 * partitions, so a store's campaigns and subscribers meet on one task whoever produced them and however
 * they were keyed; records that cannot be read go to {@code dlq-promo} with the reason.
 */
public final class PromoTopology {

    /** Row id to store and customer: the subscriber table as CDC has shown it so far. */
    public static final String ROWS = "subscriber-rows";
    /** Store and customer to the number of rows that subscribe the customer to the store. */
    public static final String MEMBERS = "store-members";
    /** Store and campaign to the campaign, until it ends. */
    public static final String CAMPAIGNS = "campaigns";
    /** Store, campaign and customer to when the notification went out, until the campaign ends. */
    public static final String NOTIFIED = "notified";
    static final String CAMPAIGNS_BY_STORE = "campaigns-by-store";
    static final String SUBSCRIBERS_BY_STORE = "subscribers-by-store";

    private PromoTopology() {
    }

    /**
     * The topology; {@code partitions} the partitions of both repartition topics (those of
     * {@code promo-campaigns}), {@code notificationSchemaId} the registry id notifications are framed with,
     * {@code punctuation} how often the wall clock starts and ends campaigns.
     */
    public static Topology build(int partitions, int notificationSchemaId, PromoMetrics metrics,
            Duration punctuation) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROWS), Serdes.String(),
                Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBERS), Serdes.String(),
                Serdes.Integer()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CAMPAIGNS),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NOTIFIED), Serdes.String(),
                Serdes.Long()));

        KStream<String, JoinInput> campaigns = byStore(builder.stream(Topics.PROMO_CAMPAIGNS,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("campaigns"))
                .process(() -> new CampaignReader(metrics), Named.as("read-campaigns")), CAMPAIGNS_BY_STORE, partitions)
                .mapValues(json -> (JoinInput) new JoinInput.CampaignArrived(json), Named.as("campaign-arrived"));
        KStream<String, JoinInput> memberships = byStore(builder.stream(Topics.PROMO_SUBSCRIBERS,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("subscriber-changes"))
                .process(() -> new SubscriptionChanges(metrics), Named.as("read-subscriber-changes"), ROWS),
                SUBSCRIBERS_BY_STORE, partitions)
                .mapValues(change -> (JoinInput) new JoinInput.MembershipChanged(MembershipChange.decode(change)),
                        Named.as("membership-changed"));
        NotificationWriter writer = new NotificationWriter(notificationSchemaId);
        campaigns.merge(memberships, Named.as("by-store"))
                .process(() -> new PromoJoin(writer, metrics, punctuation), Named.as("join"), MEMBERS, CAMPAIGNS,
                        NOTIFIED)
                .to(Topics.PROMO_NOTIFICATIONS, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("notifications"));
        return builder.build();
    }

    /** Dead letters to {@code dlq-promo}; the rest repartitioned by their store under {@code name}. */
    private static KStream<String, byte[]> byStore(KStream<String, Routed> read, String name, int partitions) {
        KStream<String, byte[]> ok = read.split(Named.as(name + "-"))
                .branch((key, routed) -> routed.deadLetter(), Branched.withConsumer(dead -> dead
                        .mapValues(Routed::value).to(Topics.DLQ_PROMO, Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName(name + "-dead-letters")), "dead"))
                .defaultBranch(Branched.as("ok"))
                .get(name + "-ok")
                .mapValues(Routed::value, Named.as(name + "-values"));
        return ok.repartition(Repartitioned.<String, byte[]>with(Serdes.String(), Serdes.ByteArray()).withName(name)
                .withNumberOfPartitions(partitions));
    }
}
