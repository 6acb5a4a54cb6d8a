package dev.bazaar.filter;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.PrometheusText;
import dev.bazaar.common.http.Response;
import dev.bazaar.common.http.RouteRequest;
import dev.bazaar.common.http.SecureHttpServer;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * stream-filter's HTTPS edge on loopback ({@link SecureHttpServer}: deny by default):
 * {@code GET /health} to anyone (200 {@code {"status":"UP"}} while the Streams client runs or
 * rebalances, 503 {@code DOWN} otherwise), with the Streams state to a platform user;
 * {@code GET /products/{id}} to ops and admin (whether the filter has seen the product and whether it
 * is blocked: 200, 404 when unknown, 400 for a malformed id, 503 while its stores are not queryable);
 * {@code GET /prometheus} to Prometheus and admin (the filter's counters and the Kafka Streams client
 * metrics, as {@link PrometheusText} renders them).
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
        return Response.text(200, PrometheusText.CONTENT_TYPE,
                PrometheusText.render(metrics.counters(), Map.of(), streams.metrics()));
    }
}
