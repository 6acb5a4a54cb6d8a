package dev.bazaar.promo.topology;

/** What reaches the join on a store's task: a campaign of the store, or a change of its subscribers. */
sealed interface JoinInput {

    record CampaignArrived(byte[] json) implements JoinInput {
    }

    record MembershipChanged(MembershipChange change) implements JoinInput {
    }
}
