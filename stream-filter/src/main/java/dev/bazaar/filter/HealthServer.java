package dev.bazaar.filter;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.Response;
import dev.bazaar.common.http.RouteRequest;
import dev.bazaar.common.http.SecureHttpServer;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * stream-filter's HTTPS edge on loopback ({@link SecureHttpServer}: deny by default):
 * {@code GET /health} to anyone (200 {@code {"status":"UP"}} while the Streams client runs or
 * rebalances, 503 {@code DOWN} otherwise), with the Streams state to a platform user;
 * {@code GET /products/{id}} to ops and admin (whether the filter has seen the product and whether it
 * is blocked: 200, 404 when unknown, 400 for a malformed id, 503 while its stores are not queryable);
 * {@code GET /prometheus} to Prometheus and admin (the filter's counters and the Kafka Streams client
 * metrics).
 */
final class HealthServer {

    static final String SERVICE = "stream-filter";

    private final KafkaStreams streams;
    private final FilterMetrics metrics;
    private final ProductLookup products;

    private HealthServer(KafkaStreams streams, FilterMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
        this.products = new ProductLookup(streams);
    }

    /** The route table: who may call what, answered from {@code streams} and {@code metrics}. */
    static SecureHttpServer.Builder routes(KafkaStreams streams, FilterMetrics metrics) {
        HealthServer server = new HealthServer(streams, metrics);
        return SecureHttpServer.builder(SERVICE)
                .get("/health", Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS), server::health)
                .get("/products/{id}", Access.users(HttpUser.OPS, HttpUser.ADMIN), server::product)
                .get("/prometheus", Access.users(HttpUser.METRICS, HttpUser.ADMIN), server::prometheus);
    }

    /** Serves the routes over HTTPS on 127.0.0.1:{@code port} with the certificate issued for stream-filter. */
    static SecureHttpServer start(RuntimeLayout layout, int port, KafkaStreams streams, FilterMetrics metrics) {
        return routes(streams, metrics).start(layout, port);
    }

    private Response health(RouteRequest request) {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        String status = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"";
        return Response.json(up ? 200 : 503, request.caller().isPresent()
                ? status + ",\"streams\":\"" + state + "\"}" : status + "}");
    }

    private Response product(RouteRequest request) {
        String id = request.parameter("id");
        if (!ProductIds.valid(id)) {
            return Response.json(400, "{\"error\":\"malformed product id\"}");
        }
        try {
            ProductLookup.Product product = products.find(id);
            return Response.json(product.known() || product.blocked() ? 200 : 404, product.toJson());
        } catch (InvalidStateStoreException e) {
            return Response.json(503, "{\"error\":\"stores not queryable yet (" + streams.state() + ")\"}");
        }
    }

    private Response prometheus(RouteRequest request) {
        StringBuilder text = new StringBuilder();
        metrics.counters().forEach((name, value) -> text.append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n'));
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            if (entry.getValue().metricValue() instanceof Number number && Double.isFinite(number.doubleValue())) {
                text.append(prometheusName(entry.getKey())).append(labels(entry.getKey())).append(' ')
                        .append(number.doubleValue()).append('\n');
            }
        }
        return Response.text(200, "text/plain; version=0.0.4", text.toString());
    }

    private static String prometheusName(MetricName name) {
        return ("kafka_streams_" + name.group() + "_" + name.name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static String labels(MetricName name) {
        StringBuilder labels = new StringBuilder("{");
        name.tags().forEach((k, v) -> labels.append(labels.length() > 1 ? "," : "")
                .append(k.replaceAll("[^a-zA-Z0-9_]", "_")).append("=\"").append(v.replace("\"", "'")).append('"'));
        return labels.append('}').toString();
    }
}
