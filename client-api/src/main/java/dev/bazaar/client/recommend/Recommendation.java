package dev.bazaar.client.recommend;

/** One recommended product as the analytics job ranked it: 1 is the best; the reason is why. */
public record Recommendation(String productId, int rank, double score, String reason) {
}
