package dev.bazaar.analytics.compute;

import java.util.List;

/** The ranked list for one customer, best first; empty when nothing can be recommended. */
public record CustomerRecommendations(String customer, List<Recommendation> recommendations) {

    public CustomerRecommendations {
        recommendations = List.copyOf(recommendations);
    }
}
