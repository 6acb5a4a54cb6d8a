package dev.bazaar.client;

import dev.bazaar.client.catalog.CatalogIndex;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Healthy when the Elasticsearch node answers with a green or yellow cluster; whether the catalog
 * index exists yet is a detail (the search sink creates it, and a search of a missing index finds nothing).
 */
@Singleton
@Readiness
final class ElasticsearchHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final CatalogIndex catalog;

    ElasticsearchHealthIndicator(CatalogIndex catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        CatalogIndex.Health health = catalog.health();
        healthStatus = health.up() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("cluster", health.status(), "index", catalog.index(), "indexExists", health.indexExists());
    }

    @Override
    protected String getName() {
        return "elasticsearch";
    }
}
