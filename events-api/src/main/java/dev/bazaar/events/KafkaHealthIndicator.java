package dev.bazaar.events;

import dev.bazaar.common.Topics;
import dev.bazaar.events.status.DecisionTail;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;

/**
 * Healthy when the producer sees leaders for {@code product-events-raw}: events can be taken. The
 * tail of dedup's decisions is shown but does not decide: the ingest works without dedup running.
 */
@Singleton
@Readiness
final class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Producer<byte[], byte[]> producer;
    private final DecisionTail decisions;

    KafkaHealthIndicator(Producer<byte[], byte[]> producer, DecisionTail decisions) {
        this.producer = producer;
        this.decisions = decisions;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long leaders = producer.partitionsFor(Topics.PRODUCT_EVENTS_RAW).stream().map(PartitionInfo::leader)
                .filter(leader -> leader != null && !leader.isEmpty()).count();
        healthStatus = leaders > 0 ? HealthStatus.UP : HealthStatus.DOWN;
        DecisionTail.Status status = decisions.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rawPartitionsWithLeader", leaders);
        details.put("decisionPartitionsFollowed", status.partitions());
        status.lastError().ifPresent(error -> details.put("decisionsError", error));
        return details;
    }

    @Override
    protected String getName() {
        return "kafka";
    }
}
