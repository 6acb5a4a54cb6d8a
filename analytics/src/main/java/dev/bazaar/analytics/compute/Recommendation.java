package dev.bazaar.analytics.compute;

/** One recommended product: its place in the customer's list (1 is best), its score and why. */
public record Recommendation(int rank, String productId, double score, Reason reason) {
}
