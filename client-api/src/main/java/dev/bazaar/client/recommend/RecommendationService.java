package dev.bazaar.client.recommend;

import dev.bazaar.client.catalog.ProductCatalog;
import dev.bazaar.client.catalog.Product;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a customer's recommendations: the latest the analytics job published, each product
 * enriched from the catalog index. A product no longer in the index (blocked after the analytics
 * run: the search sink deleted it) is dropped, so a blocked product is never shown.
 */
public final class RecommendationService {

    private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);

    private final RecommendationsStore store;
    private final ProductCatalog catalog;
    private final Counter dropped;

    public RecommendationService(RecommendationsStore store, ProductCatalog catalog, MeterRegistry metrics) {
        this.store = store;
        this.catalog = catalog;
        this.dropped = Counter.builder("client.api.recommendations.dropped")
                .description("Recommended products not shown because they are no longer in the catalog index")
                .register(metrics);
        Gauge.builder("client.api.recommendations.customers", store, RecommendationsStore::size)
                .description("Customers with recommendations in client-api's store").register(metrics);
    }

    /**
     * The recommendations of {@code customer}, waiting up to {@code wait} for them to arrive.
     *
     * @throws NoRecommendationsException when none arrived in time
     */
    public CustomerRecommendations recommendations(String customer, Duration wait) {
        Recommendations latest = awaitLatest(customer, wait);
        Map<String, Product> products = catalog.products(latest.productIds());
        List<RecommendedProduct> shown = new ArrayList<>();
        for (Recommendation item : latest.items()) {
            Product product = products.get(item.productId());
            if (product != null) {
                shown.add(new RecommendedProduct(shown.size() + 1, item.productId(), product.name(), product.category(),
                        product.price(), item.reason(), item.score()));
            }
        }
        int missing = latest.items().size() - shown.size();
        if (missing > 0) {
            dropped.increment(missing);
            log.debug("{} of {} recommended products of {} are no longer in the catalog index: not shown", missing,
                    latest.items().size(), customer);
        }
        return new CustomerRecommendations(customer, latest.generatedAt(), latest.period(), shown);
    }

    private Recommendations awaitLatest(String customer, Duration wait) {
        try {
            return store.await(customer, wait).orElseThrow(() -> new NoRecommendationsException(customer, wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the recommendations of " + customer, e);
        }
    }
}
