package dev.bazaar.client.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.client.catalog.LocalizedText;
import dev.bazaar.client.catalog.Price;
import dev.bazaar.client.catalog.Product;
import dev.bazaar.client.catalog.ProductCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recommendations as a shopper sees them: enriched from the catalog, products no longer in it
 * (blocked since the analytics run) left out, places renumbered.
 */
class RecommendationServiceTest {

    private final RecommendationsStore store = new RecommendationsStore();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void everyProductIsDescribedFromTheCatalog() {
        // given Alice's three recommended products, all in the catalog
        store.apply("Alice", Framing.frame(Framing.example()));
        RecommendationService service = service(catalogOf("yoga-mat-183", "kettlebell-16", "water-bottle-750"));

        // when her recommendations are asked for
        CustomerRecommendations answer = service.recommendations("Alice", Duration.ZERO);

        // then each carries its rank, reason and score, and the catalog's name, category and price
        assertThat(answer.recommendations()).as("products").extracting(RecommendedProduct::productId)
                .containsExactly("yoga-mat-183", "kettlebell-16", "water-bottle-750");
        RecommendedProduct first = answer.recommendations().getFirst();
        assertThat(first).as("first").isEqualTo(new RecommendedProduct(1, "yoga-mat-183",
                new LocalizedText("ru yoga-mat-183", "en yoga-mat-183"), "sports", new Price(new BigDecimal("10.50"),
                        "RUB"), "co-purchase", 0.92));
        assertThat(answer.generatedAt()).as("generated at").isEqualTo("2025-03-15T00:05:00Z");
        assertThat(answer.period()).as("period").isNotNull();
    }

    @Test
    void productNoLongerInTheCatalogIsNeverShownAndThePlacesCloseUp() {
        // given Alice's products, the first of which was blocked (deleted from the index) after the run
        store.apply("Alice", Framing.frame(Framing.example()));
        RecommendationService service = service(catalogOf("kettlebell-16", "water-bottle-750"));

        // when her recommendations are asked for
        CustomerRecommendations answer = service.recommendations("Alice", Duration.ZERO);

        // then the blocked product is absent and the others are places 1 and 2
        assertThat(answer.recommendations()).as("products").extracting(RecommendedProduct::productId)
                .containsExactly("kettlebell-16", "water-bottle-750").doesNotContain("yoga-mat-183");
        assertThat(answer.recommendations()).as("ranks").extracting(RecommendedProduct::rank).containsExactly(1, 2);
        assertThat(metrics.get("client.api.recommendations.dropped").counter().count()).as("dropped").isEqualTo(1.0);
    }

    @Test
    void noneOfTheProductsInTheCatalogIsAnEmptyList() {
        store.apply("Alice", Framing.frame(Framing.example()));
        assertThat(service(catalogOf()).recommendations("Alice", Duration.ZERO).recommendations())
                .as("products").isEmpty();
    }

    @Test
    void customerWithoutRecommendationsAfterTheWaitIsNotFoundNamingThem() {
        NoRecommendationsException e = catchThrowableOfType(NoRecommendationsException.class,
                () -> service(catalogOf()).recommendations("Nobody", Duration.ofMillis(50)));
        assertThat(e).as("refusal").isNotNull();
        assertThat(e.customer()).as("customer").isEqualTo("Nobody");
        assertThat(e.getMessage()).as("message").contains("no recommendations for customer 'Nobody'", "waited 50 ms");
    }

    @Test
    void catalogIsAskedOnlyForTheRecommendedProducts() {
        store.apply("Alice", Framing.frame(Framing.example()));
        List<Collection<String>> asked = new java.util.ArrayList<>();
        service(ids -> {
            asked.add(List.copyOf(ids));
            return Map.of();
        }).recommendations("Alice", Duration.ZERO);
        assertThat(asked).as("look-ups").containsExactly(List.of("yoga-mat-183", "kettlebell-16", "water-bottle-750"));
    }

    private RecommendationService service(ProductCatalog catalog) {
        return new RecommendationService(store, catalog, metrics);
    }

    /** A catalog holding exactly {@code ids}, each with made-up names, category sports and price 10.50 RUB. */
    private static ProductCatalog catalogOf(String... ids) {
        Map<String, Product> products = new LinkedHashMap<>();
        for (String id : ids) {
            products.put(id, new Product(id, new LocalizedText("ru " + id, "en " + id), "sports",
                    new Price(new BigDecimal("10.50"), "RUB")));
        }
        return asked -> {
            Map<String, Product> found = new LinkedHashMap<>();
            asked.stream().filter(products::containsKey).forEach(id -> found.put(id, products.get(id)));
            return found;
        };
    }
}
