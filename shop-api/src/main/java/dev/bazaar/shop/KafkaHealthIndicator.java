package dev.bazaar.shop;

import dev.bazaar.common.Topics;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;

/** Healthy when the producer sees leaders for the topics shop-api writes. */
@Singleton
@Readiness
final class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Producer<String, byte[]> producer;

    KafkaHealthIndicator(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long items = leaders(Topics.ITEMS);
        long orders = leaders(Topics.ORDERS);
        healthStatus = items > 0 && orders > 0 ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("itemsPartitionsWithLeader", items, "ordersPartitionsWithLeader", orders);
    }

    private long leaders(String topic) {
        return producer.partitionsFor(topic).stream().map(PartitionInfo::leader)
                .filter(leader -> leader != null && !leader.isEmpty()).count();
    }

    @Override
    protected String getName() {
        return "kafka";
    }
}
