package dev.bazaar.common.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The HTTP edge of a service that serves with the JDK's server: HTTPS only, on loopback, with the
 * certificate the launcher issued under the service's name, and a route table where every route says
 * who may call it. Deny by default: a request reaches a handler only when its raw target is canonical
 * ({@link CanonicalPath}), it matches a route's method and template exactly, and its caller is one the
 * route names; everything else is refused as problem details:
 *
 * <ul>
 *   <li>401 (with {@code WWW-Authenticate: Basic realm="<service>"}) when credentials were sent and not
 *       accepted, or when none were sent and the request is not an anonymous route's — whatever the path,
 *       so an anonymous caller learns nothing of the routes;
 *   <li>404 to a valid user when no route matches the path as sent (non-canonical paths included);
 *   <li>405 (with {@code Allow}) to a valid user when the path is a route, not with this method;
 *   <li>403 to a valid user the route does not name.
 * </ul>
 *
 * <p>Outside its reach, refused all the same: a target that parses to no absolute path ({@code //health}
 * reads as authority {@code health} and an empty path; {@code *}) is answered 404 by the JDK's server
 * before any context sees it.
 */
public final class SecureHttpServer implements AutoCloseable {

    /** The users every service authenticates; a route names those who may call it. */
    public static final List<HttpUser> PLATFORM_USERS = List.of(HttpUser.OPS, HttpUser.ADMIN, HttpUser.METRICS);
    private static final System.Logger log = System.getLogger(SecureHttpServer.class.getName());
    private static final String LOOPBACK = "127.0.0.1";
    /** The variable that moves the listener off loopback (compose/'s containers set it to 0.0.0.0). */
    public static final String BIND_HOST_VARIABLE = "BAZAAR_HTTP_HOST";
    private static final int THREADS = 4;

    private final String service;
    private final List<Route> routes;
    private final Authenticator authenticator;
    private final HttpsServer server;
    private final ExecutorService executor;

    private SecureHttpServer(String service, List<Route> routes, Map<HttpUser, String> passwords, HttpsServer server,
            ExecutorService executor) {
        this.service = service;
        this.routes = List.copyOf(routes);
        this.authenticator = new Authenticator(passwords);
        this.server = server;
        this.executor = executor;
    }

    /** A route table for {@code service}: its TLS identity under {@code var/ssl/} and its realm. */
    public static Builder builder(String service) {
        return new Builder(service);
    }

    /** The service's name: TLS identity and realm. */
    public String service() {
        return service;
    }

    /** The route table, in the order the routes were added. */
    public List<Route> routes() {
        return routes;
    }

    /** The port it listens on (the one chosen when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once and ends the handler threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.log(Level.INFO, "{0}: HTTPS stopped", service);
    }

    /**
     * The address services listen on: loopback, unless {@code BAZAAR_HTTP_HOST} names another (in a
     * container, {@code 0.0.0.0}, so that the other containers and the published port reach it).
     */
    static String bindHost(Map<String, String> env) {
        String host = env.get(BIND_HOST_VARIABLE);
        if (host == null || host.isBlank()) {
            return LOOPBACK;
        }
        if (!host.strip().matches("[0-9a-fA-F.:]+|[a-zA-Z0-9.-]+")) {
            throw new IllegalArgumentException(BIND_HOST_VARIABLE + " must be an address or host name, was '" + host + "'");
        }
        return host.strip();
    }

    /** Serves {@code routes} over HTTPS with {@code tls} on the bind host ({@link #bindHost}):{@code port}. */
    private static SecureHttpServer listen(String service, List<Route> routes, Map<HttpUser, String> passwords,
            SSLContext tls, int port) {
        String host = bindHost(System.getenv());
        HttpsServer https;
        try {
            https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(service + " cannot listen on " + host + ":" + port, e);
        }
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, service + "-https-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        https.setExecutor(executor);
        SecureHttpServer server = new SecureHttpServer(service, routes, passwords, https, executor);
        https.createContext("/", server::exchange);
        https.start();
        log.log(Level.INFO, "{0}: HTTPS on {1}:{2,number,#}, {3} routes, anonymous: {4}", service, host,
                server.port(), routes.size(), routes.stream().filter(route -> route.access().anonymous()).toList());
        return server;
    }

    private void exchange(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response response = answer(method, exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().get("Authorization"));
            send(exchange, method, response);
        } catch (IOException | RuntimeException e) {
            log.log(Level.WARNING, service + ": could not answer " + exchange.getRequestMethod(), e);
        }
    }

    /** The answer to {@code method} on {@code rawTarget} (as on the request line) with these credentials. */
    Response answer(String method, String rawTarget, List<String> authorization) {
        Authenticator.Result credentials = authenticator.authenticate(authorization);
        if (credentials.refused()) {
            return Problem.unauthorized(service, "the credentials sent were not accepted");
        }
        Optional<HttpUser> caller = credentials.user();
        List<Matched> matched = CanonicalPath.segments(rawTarget).map(this::matching).orElse(List.of());
        Optional<Matched> exact = matched.stream().filter(m -> m.route().method().equals(method)).findFirst();
        if (exact.isPresent() && exact.get().route().access().allows(caller)) {
            return handle(exact.get(), caller);
        }
        if (caller.isEmpty()) {
            return Problem.unauthorized(service, "this request needs credentials (HTTP basic)");
        }
        if (matched.isEmpty()) {
            return Problem.notFound("no route of " + service + " is this path as sent (paths are matched exactly: "
                    + "lower case, no trailing slash, no empty, dot or percent-encoded segment, no ';', no query)");
        }
        if (exact.isEmpty()) {
            String allowed = matched.stream().map(m -> m.route().method()).distinct().collect(Collectors.joining(", "));
            return Problem.methodNotAllowed(allowed, "this route answers " + allowed + " only");
        }
        return Problem.forbidden("user " + caller.get().name() + " may not call " + exact.get().route());
    }

    private record Matched(Route route, Map<String, String> parameters) {
    }

    private List<Matched> matching(List<String> segments) {
        List<Matched> matched = new ArrayList<>();
        for (Route route : routes) {
            route.match(segments).ifPresent(parameters -> matched.add(new Matched(route, parameters)));
        }
        return matched;
    }

    private Response handle(Matched matched, Optional<HttpUser> caller) {
        try {
            return matched.route().handler().handle(new RouteRequest(matched.route(), caller, matched.parameters()));
        } catch (IOException | RuntimeException e) {
            log.log(Level.ERROR, service + ": " + matched.route() + " failed", e);
            return Problem.internalError();
        }
    }

    private static void send(HttpExchange exchange, String method, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(method);
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Collects the route table; {@link #start} serves it. */
    public static final class Builder {

        private final String service;
        private final List<Route> routes = new ArrayList<>();

        private Builder(String service) {
            this.service = Objects.requireNonNull(service, "service");
        }

        /** Adds a route; no two routes may answer the same method on the same path. */
        public Builder route(String method, String template, Access access, RouteHandler handler) {
            Route route = new Route(method, template, access, handler);
            for (Route other : routes) {
                if (other.method().equals(method) && overlap(other.template(), template)) {
                    throw new IllegalArgumentException(route + " overlaps " + other + ": each path has one route per method");
                }
            }
            routes.add(route);
            return this;
        }

        /** Adds a {@code GET} route. */
        public Builder get(String template, Access access, RouteHandler handler) {
            return route("GET", template, access, handler);
        }

        /** The route table so far, as the server will serve it. */
        public List<Route> routes() {
            return List.copyOf(routes);
        }

        /** The users the server will authenticate: the platform's, and any a route names. */
        public Set<HttpUser> users() {
            Set<HttpUser> users = new LinkedHashSet<>(PLATFORM_USERS);
            routes.forEach(route -> users.addAll(route.access().users()));
            return users;
        }

        /**
         * Serves the route table over HTTPS on 127.0.0.1:{@code port} (0: any free port) with the
         * keystore issued for the service in {@code layout}, authenticating {@link #users()} against
         * their secrets there.
         */
        public SecureHttpServer start(RuntimeLayout layout, int port) {
            Map<HttpUser, String> passwords = new LinkedHashMap<>();
            users().forEach(user -> passwords.put(user, user.password(layout)));
            return listen(service, List.copyOf(routes), passwords, PlatformTls.serverContext(layout, service), port);
        }

        private static boolean overlap(String a, String b) {
            List<String> left = Route.segments(a);
            List<String> right = Route.segments(b);
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!left.get(i).startsWith("{") && !right.get(i).startsWith("{") && !left.get(i).equals(right.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
