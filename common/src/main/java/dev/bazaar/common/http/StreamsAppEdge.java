package dev.bazaar.common.http;

import dev.bazaar.common.HttpUser;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The HTTPS edge of a Kafka Streams app of ours ({@link SecureHttpServer}: deny by default, the
 * certificate the launcher issued for the service): {@code GET /health} to anyone — 200
 * {@code {"status":"UP"}} while the app counts as up, 503 {@code DOWN} otherwise — with the Streams
 * state to a platform user; {@code GET /prometheus} (the app's counters and gauges, then its Kafka
 * clients' metrics) to Prometheus and admin.
 */
public final class StreamsAppEdge {

    /** What the edge reports of the app. */
    public interface Status {

        /** Whether the app counts as up: running, or rebalancing after it ran. */
        boolean up();

        /** The Streams client's state, for a platform user. */
        String state();

        Map<String, Long> counters();

        Map<String, Double> gauges();

        /** The Kafka clients' own metrics. */
        Map<MetricName, ? extends Metric> clientMetrics();
    }

    private StreamsAppEdge() {
    }

    /** The route table of {@code service}, answered from {@code status}. */
    public static SecureHttpServer.Builder routes(String service, Status status) {
        return SecureHttpServer.builder(service)
                .get("/health", Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS),
                        request -> health(request, status))
                .get("/prometheus", Access.users(HttpUser.METRICS, HttpUser.ADMIN), request -> Response.text(200,
                        PrometheusText.CONTENT_TYPE, PrometheusText.render(status.counters(), status.gauges(),
                                status.clientMetrics())));
    }

    private static Response health(RouteRequest request, Status status) {
        boolean up = status.up();
        String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"";
        return Response.json(up ? 200 : 503, request.caller().isPresent()
                ? body + ",\"streams\":\"" + status.state() + "\"}" : body + "}");
    }
}
