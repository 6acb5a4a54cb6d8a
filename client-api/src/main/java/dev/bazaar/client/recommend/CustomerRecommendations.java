package dev.bazaar.client.recommend;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answer to {@code GET /recommendations/{customer}}: the products still in the catalog, best first. */
@Serdeable
public record CustomerRecommendations(String customer, @Nullable String generatedAt, @Nullable Period period,
        List<RecommendedProduct> recommendations) {
}
