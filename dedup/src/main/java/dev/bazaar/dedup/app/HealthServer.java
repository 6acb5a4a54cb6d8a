package dev.bazaar.dedup.app;

import dev.bazaar.common.http.SecureHttpServer;
import dev.bazaar.common.http.StreamsAppEdge;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The dedup app's HTTPS edge on loopback ({@link StreamsAppEdge}: deny by default, the certificate the
 * launcher issued for {@value #SERVICE}): {@code GET /health} to anyone — 200
 * {@code {"status":"UP"}} once the Streams client has reached {@code RUNNING}, and through later
 * rebalances (a second instance joining is no outage), 503 {@code DOWN} before that and once it stops
 * or fails — with the Streams state to a platform user; {@code GET /prometheus} to Prometheus and admin.
 */
final class HealthServer {

    static final String SERVICE = "dedup";

    private HealthServer() {
    }

    /** The route table: who may call what, answered from {@code status}. */
    static SecureHttpServer.Builder routes(DedupStatus status) {
        return StreamsAppEdge.routes(SERVICE, new StreamsAppEdge.Status() {
            @Override
            public boolean up() {
                return HealthServer.up(status.state(), status.hasRun());
            }

            @Override
            public String state() {
                return status.state().toString();
            }

            @Override
            public Map<String, Long> counters() {
                return status.counters();
            }

            @Override
            public Map<String, Double> gauges() {
                return status.gauges();
            }

            @Override
            public Map<MetricName, ? extends Metric> clientMetrics() {
                return status.clientMetrics();
            }
        });
    }

    /** Whether the app counts as up in {@code state}, having reached RUNNING before ({@code hasRun}) or not. */
    static boolean up(KafkaStreams.State state, boolean hasRun) {
        return state == KafkaStreams.State.RUNNING || (hasRun && state == KafkaStreams.State.REBALANCING);
    }
}
