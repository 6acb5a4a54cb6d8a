package dev.bazaar.dedup.app;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.PrometheusText;
import dev.bazaar.common.http.Response;
import dev.bazaar.common.http.RouteRequest;
import dev.bazaar.common.http.SecureHttpServer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The dedup app's HTTPS edge on loopback, as stream-filter's ({@link SecureHttpServer}: deny by default,
 * the certificate the launcher issued for {@value #SERVICE}): {@code GET /health} to anyone — 200
 * {@code {"status":"UP"}} once the Streams client has reached {@code RUNNING}, and through later
 * rebalances (a second instance joining is no outage), 503 {@code DOWN} before that and once it stops
 * or fails — with the Streams state to a platform user; {@code GET /prometheus} to Prometheus and admin.
 */
final class HealthServer {

    static final String SERVICE = "dedup";

    private final DedupStatus status;

    private HealthServer(DedupStatus status) {
        this.status = status;
    }

    /** The route table: who may call what, answered from {@code status}. */
    static SecureHttpServer.Builder routes(DedupStatus status) {
        HealthServer server = new HealthServer(status);
        return SecureHttpServer.builder(SERVICE)
                .get("/health", Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS), server::health)
                .get("/prometheus", Access.users(HttpUser.METRICS, HttpUser.ADMIN), server::prometheus);
    }

    /** Whether the app counts as up in {@code state}, having reached RUNNING before ({@code hasRun}) or not. */
    static boolean up(KafkaStreams.State state, boolean hasRun) {
        return state == KafkaStreams.State.RUNNING || (hasRun && state == KafkaStreams.State.REBALANCING);
    }

    private Response health(RouteRequest request) {
        KafkaStreams.State state = status.state();
        boolean up = up(state, status.hasRun());
        String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"";
        return Response.json(up ? 200 : 503, request.caller().isPresent()
                ? body + ",\"streams\":\"" + state + "\"}" : body + "}");
    }

    private Response prometheus(RouteRequest request) {
        return Response.text(200, PrometheusText.CONTENT_TYPE,
                PrometheusText.render(status.counters(), status.gauges(), status.clientMetrics()));
    }
}
