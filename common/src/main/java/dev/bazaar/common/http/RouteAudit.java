package dev.bazaar.common.http;

import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generated route test every service built on {@link SecureHttpServer} runs: from the service's
 * own route table, each route is asked by every caller it names (answered by its handler), and refused
 * to everyone else — no credentials (401), a wrong password or an unknown user (401), a platform user
 * it does not name (403), another method (405) — and under every trick of its path
 * ({@link #pathTricks}), without credentials (401) and with a credential it accepts (404).
 */
public final class RouteAudit {

    /** The expectation of a probe the handler must answer (any status, not a refusal). */
    public static final int HANDLED = 0;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String UNKNOWN_USER = "mallory";
    /** The statuses of the server's refusals; any other answer, a handler's failure included, is the handler's. */
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 404, 405);
    /** What the JDK's server answers (404) to a target whose path matches no context. */
    private static final String NO_CONTEXT = "No context found for request";

    private RouteAudit() {
    }

    /**
     * One request of the audit.
     *
     * @param route the route it aims at
     * @param variant what it tries, for the report
     * @param method the HTTP method
     * @param path the request target sent
     * @param authorization the {@code Authorization} header, empty for none
     * @param expected the refusal expected (401, 403, 404, 405), or {@link #HANDLED}
     */
    public record Probe(Route route, String variant, String method, String path, Optional<String> authorization,
            int expected) {

        @Override
        public String toString() {
            return route + " × " + variant + ": " + method + " " + path + " expects "
                    + (expected == HANDLED ? "its handler" : Integer.toString(expected));
        }
    }

    /** What the service answered to a probe. */
    public record Outcome(Probe probe, int status, String contentType, String body) {

        /**
         * Whether the answer is the one expected: the handler's, or exactly the refusal expected — or the
         * JDK server's own 404 for a target whose path is not absolute ({@code //health} parses as
         * authority {@code health} and an empty path), which no context and so no route ever sees.
         */
        public boolean asExpected() {
            boolean refusal = contentType.startsWith(Problem.CONTENT_TYPE) && REFUSALS.contains(status);
            if (probe.expected() == HANDLED) {
                return !refusal;
            }
            return refusal && status == probe.expected() || refusedBeforeRouting();
        }

        /** The JDK server's answer to a {@code //…} target it finds no context for: 404, never a handler. */
        public boolean refusedBeforeRouting() {
            return probe.path().startsWith("//") && status == 404 && contentType.startsWith("text/html")
                    && body.contains(NO_CONTEXT);
        }

        @Override
        public String toString() {
            return probe + ", got " + status + " " + contentType + " " + body;
        }
    }

    /**
     * The probes of {@code routes}, with passwords from {@code layout} and {@code parameter} as the value
     * of every path parameter.
     */
    public static List<Probe> probes(List<Route> routes, RuntimeLayout layout, String parameter) {
        Set<HttpUser> users = new LinkedHashSet<>(SecureHttpServer.PLATFORM_USERS);
        routes.forEach(route -> users.addAll(route.access().users()));
        Map<HttpUser, String> passwords = new LinkedHashMap<>();
        users.forEach(user -> passwords.put(user, user.password(layout)));
        List<Probe> probes = new ArrayList<>();
        for (Route route : routes) {
            String path = route.expand(parameter);
            HttpUser someone = route.access().users().stream().findFirst().orElse(HttpUser.ADMIN);
            probes.addAll(callers(route, path, passwords, someone));
            probes.addAll(detours(route, routes, path, someone, passwords.get(someone)));
        }
        return probes;
    }

    /** The route's own path by every caller: none, each platform user right and wrong, an unknown user. */
    private static List<Probe> callers(Route route, String path, Map<HttpUser, String> passwords, HttpUser someone) {
        String method = route.method();
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe(route, "no credentials", method, path, Optional.empty(),
                route.access().anonymous() ? HANDLED : 401));
        for (HttpUser user : passwords.keySet()) {
            boolean named = route.access().users().contains(user);
            probes.add(new Probe(route, (named ? "allowed user " : "wrong user ") + user.name(), method, path,
                    Optional.of(BasicAuth.header(user.name(), passwords.get(user))), named ? HANDLED : 403));
            probes.add(new Probe(route, "wrong password of " + user.name(), method, path,
                    Optional.of(BasicAuth.header(user.name(), passwords.get(user) + "x")), 401));
        }
        probes.add(new Probe(route, "unknown user", method, path,
                Optional.of(BasicAuth.header(UNKNOWN_USER, passwords.get(someone))), 401));
        return probes;
    }

    /** Another method (unless routed), and every trick of the route's path, without credentials and as {@code someone}. */
    private static List<Probe> detours(Route route, List<Route> routes, String path, HttpUser someone, String password) {
        Optional<String> accepted = Optional.of(BasicAuth.header(someone.name(), password));
        List<Probe> probes = new ArrayList<>();
        String other = "GET".equals(route.method()) ? "POST" : "GET";
        if (routes.stream().noneMatch(r -> r.method().equals(other) && r.template().equals(route.template()))) {
            probes.add(new Probe(route, other + " without credentials", other, path, Optional.empty(), 401));
            probes.add(new Probe(route, other + " as " + someone.name(), other, path, accepted, 405));
        }
        pathTricks(path).forEach((trick, tricked) -> {
            probes.add(new Probe(route, trick + " without credentials", route.method(), tricked, Optional.empty(), 401));
            probes.add(new Probe(route, trick + " as " + someone.name(), route.method(), tricked, accepted, 404));
        });
        return probes;
    }

    /**
     * The ways to write {@code path} (canonical, at least one segment) that a lax router would take
     * for it, or for a neighbour of it: none of them may reach a route.
     */
    public static Map<String, String> pathTricks(String path) {
        Map<String, String> tricks = new LinkedHashMap<>();
        tricks.put("trailing slash", path + "/");
        tricks.put("// prefix", "/" + path);
        tricks.put("upper case", path.toUpperCase(Locale.ROOT));
        tricks.put(";x appended", path + ";x");
        int last = path.lastIndexOf('/');
        tricks.put("a / as %2F", last > 0 ? path.substring(0, last) + "%2F" + path.substring(last + 1)
                : "/%2F" + path.substring(1));
        tricks.put("a letter percent-encoded", "/" + String.format(Locale.ROOT, "%%%02X", (int) path.charAt(1))
                + path.substring(2));
        tricks.put("/. prefix", "/." + path);
        tricks.put("/x/.. prefix", "/x/.." + path);
        tricks.put("/%2e%2e prefix", "/x/%2e%2e" + path);
        tricks.put("/. appended", path + "/.");
        tricks.put("query", path + "?x=1");
        return tricks;
    }

    /** Sends every probe to the service at {@code baseUrl} ({@code https://127.0.0.1:<port>}). */
    public static List<Outcome> run(HttpClient http, String baseUrl, List<Probe> probes)
            throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Probe probe : probes) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + probe.path())).timeout(TIMEOUT)
                    .method(probe.method(), HttpRequest.BodyPublishers.noBody());
            probe.authorization().ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            outcomes.add(new Outcome(probe, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body()));
        }
        return outcomes;
    }
}
