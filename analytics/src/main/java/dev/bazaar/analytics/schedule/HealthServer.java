package dev.bazaar.analytics.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.http.Access;
import dev.bazaar.common.http.Response;
import dev.bazaar.common.http.RouteRequest;
import dev.bazaar.common.http.SecureHttpServer;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's status over HTTPS on loopback ({@link SecureHttpServer}: deny by default):
 * {@code GET /health} answers 200 while the scheduler runs, whatever the last run's outcome (a failed
 * run is the job's problem, shown in {@code lastRun}, not the scheduler's) — to anyone with
 * {@code {"status":"UP"}} only, to ops and admin with the whole {@link SchedulerStatus} (last run,
 * next run, counts).
 */
public final class HealthServer {

    public static final String SERVICE = "analytics";
    public static final String PATH = "/health";
    /** Who sees the whole status; anyone else without credentials sees whether the scheduler is up. */
    static final List<HttpUser> OPERATORS = List.of(HttpUser.OPS, HttpUser.ADMIN);
    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthServer() {
    }

    /** The route table, answered from {@code status}. */
    public static SecureHttpServer.Builder routes(Supplier<SchedulerStatus> status) {
        return SecureHttpServer.builder(SERVICE).get(PATH, Access.anonymousOr(OPERATORS.toArray(HttpUser[]::new)),
                request -> health(request, status.get()));
    }

    /** Serves {@code status} on https://127.0.0.1:{@code port} (0: any free port) with analytics' certificate. */
    public static SecureHttpServer start(RuntimeLayout layout, int port, Supplier<SchedulerStatus> status) {
        SecureHttpServer server = routes(status).start(layout, port);
        log.info("status at https://127.0.0.1:{}{}", server.port(), PATH);
        return server;
    }

    private static Response health(RouteRequest request, SchedulerStatus status) throws JsonProcessingException {
        if (request.callerIsOneOf(OPERATORS)) {
            return Response.json(200, JSON.writeValueAsString(status));
        }
        return Response.json(200, JSON.createObjectNode().put("status", status.status()).toString());
    }
}
