package dev.bazaar.client.recommend;

import java.util.Comparator;
import java.util.List;

/**
 * The latest recommendations of one customer, as the {@code recommendations} topic holds them
 * (schema setup/schemas/recommendations.json).
 */
public record Recommendations(String customer, List<Recommendation> items, String generatedAt, Period period) {

    public Recommendations {
        items = items.stream().sorted(Comparator.comparingInt(Recommendation::rank)).toList();
    }

    /** The recommended product ids, best first. */
    public List<String> productIds() {
        return items.stream().map(Recommendation::productId).toList();
    }
}
