package dev.bazaar.client;

import dev.bazaar.client.recommend.RecommendationsLoader;
import dev.bazaar.common.Topics;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;

/**
 * Healthy when the producer sees leaders for {@code client-search} and the recommendations store
 * has read {@code recommendations} up to where it ended when the service started.
 */
@Singleton
@Readiness
final class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Producer<String, byte[]> producer;
    private final RecommendationsLoader loader;

    KafkaHealthIndicator(Producer<String, byte[]> producer, RecommendationsLoader loader) {
        this.producer = producer;
        this.loader = loader;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        RecommendationsLoader.Status recommendations = loader.status();
        long leaders = producer.partitionsFor(Topics.CLIENT_SEARCH).stream().map(PartitionInfo::leader)
                .filter(leader -> leader != null && !leader.isEmpty()).count();
        healthStatus = leaders > 0 && recommendations.caughtUp() ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientSearchPartitionsWithLeader", leaders);
        details.put("recommendationsLoaded", recommendations.caughtUp());
        details.put("recommendationsPartitions", recommendations.partitions());
        details.put("customersWithRecommendations", recommendations.customers());
        details.put("skippedRecords", recommendations.skipped());
        if (recommendations.lastError() != null) {
            details.put("lastError", recommendations.lastError());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "kafka";
    }
}
