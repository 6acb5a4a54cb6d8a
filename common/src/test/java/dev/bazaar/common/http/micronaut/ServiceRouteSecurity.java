package dev.bazaar.common.http.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.resource.StaticResourceConfiguration;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route security of a Micronaut service ({@link ServiceSecurity}), generated from the routes the
 * running application serves (its {@link Router}, plus the static resource mappings), not from a list
 * kept by hand: every route is refused without valid credentials whatever the spelling of its path, a
 * user whose role does not cover a route is refused 403, the only anonymous route is
 * {@code GET /health} and it tells the status only, and nothing is served over plain HTTP. A route
 * added without a rule is the admin's only (deny by default), so it joins these checks by itself.
 *
 * <p>A service's {@code RouteSecurityIT} extends it as a {@code @MicronautTest}: it names its caller
 * and the caller's routes, and in {@link #getProperties()} points the service at the shared platform
 * with {@link #platformAt(RuntimeLayout)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceRouteSecurity implements TestPropertyProvider {

    private static final Logger log = LoggerFactory.getLogger(ServiceRouteSecurity.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PLAIN_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);
    private static final String SAMPLE = "sample";
    private static final String HEALTH = "GET /health";
    private static final String OPENAPI = "GET /openapi/**";
    /** What every user of the service may read, whatever its role. */
    private static final Set<String> EVERY_USER = Set.of(HEALTH, OPENAPI);
    private static final Set<String> METRICS_ROUTES = Set.of("GET /prometheus");
    /** Management endpoints that must be off: only health and prometheus are on. */
    private static final List<String> DISABLED_ENDPOINTS = List.of("/beans", "/routes", "/threaddump", "/env",
            "/refresh", "/loggers", "/info", "/stop", "/metrics", "/caches");

    private final String caller;
    private final Function<RuntimeLayout, String> callerBasic;
    private final Function<RuntimeLayout, String> callerBearer;
    private final Set<String> callerRoutes;

    private EmbeddedServer server;
    private Router router;
    private List<StaticResourceConfiguration> staticResources;
    private RuntimeLayout layout;
    private HttpClient http;
    private List<Route> routes;

    /**
     * @param caller the user name of the service's caller
     * @param callerBasic its {@code Authorization} header of HTTP basic
     * @param callerBearer its {@code Authorization} header of the bearer token
     * @param callerRoutes the routes its role may call ({@code "GET /search"}, as the service's rules name them)
     */
    protected ServiceRouteSecurity(String caller, Function<RuntimeLayout, String> callerBasic,
            Function<RuntimeLayout, String> callerBearer, Set<String> callerRoutes) {
        this.caller = caller;
        this.callerBasic = callerBasic;
        this.callerBearer = callerBearer;
        this.callerRoutes = Set.copyOf(callerRoutes);
    }

    /** The running service, injected by Micronaut Test. */
    @Inject
    public void serving(EmbeddedServer server, Router router, List<StaticResourceConfiguration> staticResources) {
        this.server = server;
        this.router = router;
        this.staticResources = staticResources;
    }

    /** Calls the service over HTTPS trusting the CA of the platform at {@code layout}; returns {@code layout}. */
    protected final RuntimeLayout platformAt(RuntimeLayout layout) {
        this.layout = layout;
        this.http = PlatformTls.httpClient(layout);
        return layout;
    }

    @BeforeAll
    void enumerateTheRoutes() {
        routes = Stream.concat(router.uriRoutes().map(Route::of), staticResources.stream()
                        .filter(StaticResourceConfiguration::isEnabled).map(Route::of))
                .distinct().sorted(Comparator.comparing(Route::toString)).toList();
    }

    @Test
    void routeSetHoldsTheBusinessRoutesAndOfTheManagementEndpointsOnlyHealthAndPrometheus() throws Exception {
        String[] expected = Stream.of(callerRoutes, Set.of(HEALTH), METRICS_ROUTES, Set.of(OPENAPI))
                .flatMap(Set::stream).toArray(String[]::new);
        assertThat(routes).as("routes").extracting(Route::toString)
                .contains(expected)
                .noneMatch(route -> DISABLED_ENDPOINTS.stream().anyMatch(endpoint -> route.contains(" " + endpoint)));
        for (String endpoint : DISABLED_ENDPOINTS) {
            assertThat(send("GET", endpoint, HttpUser.ADMIN.basic(layout)).statusCode())
                    .as("GET %s as admin", endpoint).isEqualTo(404);
        }
    }

    @Test
    void everyRouteUnderEverySpellingIsRefusedWithoutValidCredentials() throws Exception {
        // when every route is called under every spelling of its path, without valid credentials
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Route route : routes) {
            for (Variant variant : Variant.values()) {
                if (route.toString().equals(HEALTH) && variant.credentialsOnly()) {
                    continue; // the allow-listed route itself: see anonymousAllowListIsGetHealthTellingTheStatusOnly
                }
                String path = variant.spell(route.path());
                answers.put(route + " as " + variant + ": " + route.method() + " " + path,
                        send(route.method().name(), path, variant.authorization(caller)).statusCode());
            }
        }

        // then none is served
        log.info("{} routes x {} variants: {} requests without valid credentials", routes.size(), Variant.values().length,
                answers.size());
        assertThat(answers).as("answers to %d routes x %d variants", routes.size(), Variant.values().length)
                .hasSize(routes.size() * Variant.values().length - 3)
                .allSatisfy((request, status) -> assertThat(status).as(request).isIn(REFUSED));
    }

    @Test
    void anonymousAllowListIsGetHealthTellingTheStatusOnly() throws Exception {
        // when every route is called without credentials, and with credentials that are not valid
        Map<String, Integer> anonymous = answers(null);
        Map<String, Integer> wrongPassword = answers(BasicAuth.header(caller, "wrong"));
        Map<String, Integer> wrongToken = answers("Bearer wrong-token");

        // then only GET /health answers, and only its status
        for (Map<String, Integer> answers : List.of(anonymous, wrongPassword, wrongToken)) {
            assertThat(select(answers, (route, status) -> status != 401)).as("routes answering without valid credentials")
                    .containsOnlyKeys(HEALTH);
        }
        HttpResponse<String> health = send("GET", "/health", null);
        assertThat(health.statusCode()).as("anonymous health; body %s", health.body()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).properties()).as("anonymous health")
                .extracting(Map.Entry::getKey).containsExactly("status");
        HttpResponse<String> detailed = send("GET", "/health", HttpUser.METRICS.basic(layout));
        assertThat(JSON.readTree(detailed.body()).path("details").path("kafka").path("status").asText())
                .as("health details of a user").isEqualTo("UP");
    }

    @Test
    void userWhoseRoleDoesNotCoverARouteIs403() throws Exception {
        // when the caller (by password and by token) and Prometheus call every route
        Map<String, Integer> byPassword = answers(callerBasic.apply(layout));
        Map<String, Integer> byToken = answers(callerBearer.apply(layout));
        Map<String, Integer> metrics = answers(HttpUser.METRICS.basic(layout));

        // then every route not theirs (nor every user's) is forbidden; Prometheus reads its own
        for (Map<String, Integer> answers : List.of(byPassword, byToken)) {
            assertThat(select(answers, (route, status) -> !ours(route, callerRoutes)))
                    .as("the %s's answers elsewhere", caller)
                    .isNotEmpty().allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(403));
        }
        assertThat(select(metrics, (route, status) -> !ours(route, METRICS_ROUTES))).as("Prometheus' answers elsewhere")
                .isNotEmpty().allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(403));
        assertThat(select(metrics, (route, status) -> METRICS_ROUTES.contains(route))).as("Prometheus' own routes")
                .isNotEmpty().allSatisfy((route, status) -> assertThat(status).as(route).isEqualTo(200));
    }

    @Test
    void adminIsRefusedNoRoute() throws Exception {
        assertThat(answers(HttpUser.ADMIN.basic(layout))).as("the admin's answers")
                .allSatisfy((route, status) -> assertThat(status).as(route).isNotIn(401, 403));
    }

    @Test
    void plainHttpToTheHttpsPortIsNotServed() throws Exception {
        // given the server listens on one port only, for HTTPS
        assertThat(server.getScheme()).as("scheme").isEqualTo("https");
        assertThat(((NettyEmbeddedServer) server).getBoundPorts()).as("bound ports").containsExactly(server.getPort());

        // when plain HTTP is sent there, by hand and by an HTTP client
        String answer = plainHttp("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/health"))
                .timeout(TIMEOUT).GET().build();

        // then no HTTP answer comes back
        assertThat(answer).as("answer to plain HTTP").doesNotStartWith("HTTP/");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .as("plain HTTP client").isInstanceOf(IOException.class);
    }

    private static Map<String, Integer> select(Map<String, Integer> answers, BiPredicate<String, Integer> which) {
        Map<String, Integer> selected = new LinkedHashMap<>();
        answers.forEach((route, status) -> {
            if (which.test(route, status)) {
                selected.put(route, status);
            }
        });
        return selected;
    }

    private static boolean ours(String route, Set<String> roleRoutes) {
        return roleRoutes.contains(route) || EVERY_USER.contains(route);
    }

    /** Each route's status when called at its own path with {@code authorization} (none when null). */
    private Map<String, Integer> answers(String authorization) throws IOException, InterruptedException {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Route route : routes) {
            answers.put(route.toString(), send(route.method().name(), route.path(), authorization).statusCode());
        }
        return answers;
    }

    private HttpResponse<String> send(String method, String rawPath, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + rawPath)).timeout(TIMEOUT);
        boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
        request.method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (body) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String plainHttp(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout((int) PLAIN_READ_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readUntilClosed(socket.getInputStream());
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n = in.read(buffer); n >= 0 && read.size() < 64 * 1024; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | SocketException closed) {
            log.debug("plain HTTP: the server said nothing more ({}); what it said so far is its answer", closed.toString());
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }

    /** A route: its method, its template, and a path that matches it ({@code {var}} filled with a sample value). */
    private record Route(HttpMethod method, String template, String path) {

        static Route of(UriRouteInfo<?, ?> info) {
            UriMatchTemplate template = info.getUriMatchTemplate();
            Map<String, Object> samples = template.getVariableNames().stream()
                    .collect(Collectors.toMap(Function.identity(), name -> SAMPLE, (a, b) -> a));
            return new Route(info.getHttpMethod(), template.toString(), template.expand(samples));
        }

        static Route of(StaticResourceConfiguration resources) {
            String mapping = resources.getMapping();
            return new Route(HttpMethod.GET, mapping, mapping.replace("**", SAMPLE));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** A way of calling a route without valid credentials: as it is, with bad credentials, or spelled otherwise. */
    private enum Variant {
        NO_CREDENTIALS(UnaryOperator.identity(), caller -> null),
        WRONG_PASSWORD(UnaryOperator.identity(), caller -> BasicAuth.header(caller, "wrong")),
        WRONG_TOKEN(UnaryOperator.identity(), caller -> "Bearer wrong-token"),
        TRAILING_SLASH(path -> path + "/", caller -> null),
        DOUBLE_SLASH_PREFIX(path -> "/" + path, caller -> null),
        UPPER_CASE(path -> path.toUpperCase(Locale.ROOT), caller -> null),
        MATRIX_PARAMETER(path -> path + ";x", caller -> null),
        ENCODED_SLASH(Variant::encodeASlash, caller -> null);

        private final UnaryOperator<String> spelling;
        private final UnaryOperator<String> authorization;

        Variant(UnaryOperator<String> spelling, UnaryOperator<String> authorization) {
            this.spelling = spelling;
            this.authorization = authorization;
        }

        /** The path spelled this way; a query stays as it is. */
        String spell(String pathAndQuery) {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? spelling.apply(pathAndQuery)
                    : spelling.apply(pathAndQuery.substring(0, query)) + pathAndQuery.substring(query);
        }

        /** The {@code Authorization} header of this variant for a service called by {@code caller} (none when null). */
        String authorization(String caller) {
            return authorization.apply(caller);
        }

        /** Whether only the credentials differ from a plain call, not the path. */
        boolean credentialsOnly() {
            return this == NO_CREDENTIALS || this == WRONG_PASSWORD || this == WRONG_TOKEN;
        }

        /** The last {@code /} as {@code %2F}; a path of one segment gets it after its leading {@code /}. */
        private static String encodeASlash(String path) {
            int last = path.lastIndexOf('/');
            return last == 0 ? "/%2F" + path.substring(1) : path.substring(0, last) + "%2F" + path.substring(last + 1);
        }
    }
}
