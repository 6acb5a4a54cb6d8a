package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's door, tried from outside on every route the running application serves (its
 * {@link Router}, not a list kept here): without a session nothing but the documented allow-list
 * answers, whatever the spelling of the path; with a session, no change goes through without its CSRF
 * token; Prometheus' route takes the scrape user only. A route added later joins these checks by itself.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRouteSecurityIT implements TestPropertyProvider {

    /** The documented allow-list (README, ConsoleGate): what answers without a session. */
    private static final Set<String> ANONYMOUS = Set.of("GET /health", "GET /login", "POST /login", "GET /console.css",
            "GET /console.js");
    private static final String SCRAPE = "GET /prometheus";
    /** Alertmanager's delivery: HTTP basic as its webhook user, never a session. */
    private static final String WEBHOOK = "POST /alerts/webhook";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    private RuntimeLayout layout;
    private HttpClient http;
    private List<Route> routes;

    @Override
    public Map<String, String> getProperties() {
        layout = Running.shared().layout();
        http = PlatformTls.httpClient(layout);
        return Map.of("console.var-dir", layout.root().toString(), "micronaut.server.ssl.port", "-1");
    }

    @BeforeAll
    void enumerateTheRoutes() {
        routes = router.uriRoutes().map(info -> Route.of(info.getHttpMethod(), info.getUriMatchTemplate())).distinct()
                .sorted(Comparator.comparing(Route::toString)).toList();
    }

    @Test
    void theRoutesAreThePagesTheAllowListAndNoManagementEndpointButHealthAndPrometheus() {
        assertThat(routes).extracting(Route::toString).contains("GET /", "GET /topics", "GET /topics/{name}",
                "GET /schemas", "GET /schemas/{subject}", "GET /acls", "POST /logout", SCRAPE).containsAll(ANONYMOUS)
                .noneMatch(route -> route.matches(".* /(beans|routes|env|loggers|threaddump|info|stop|metrics|refresh)"));
    }

    @Test
    void withoutASessionEveryRouteButTheAllowListAsDeclaredIsRefusedUnderAnySpellingOfItsPath() throws Exception {
        // when every route is called without a session, its path spelt every way
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Route route : routes) {
            for (Spelling spelling : Spelling.values()) {
                if (spelling == Spelling.AS_DECLARED && (ANONYMOUS.contains(route.toString())
                        || route.toString().equals(SCRAPE))) {
                    continue; // the allow-list itself: see the other tests
                }
                String path = spelling.spell(route.path());
                answers.put(route + " spelt " + spelling + " (" + path + ")",
                        send(route.method(), path, null, null).statusCode());
            }
        }

        // then the door refuses each: a page sends the browser to sign in, anything else is 401
        assertThat(answers).as("%d requests", answers.size()).hasSizeGreaterThan(routes.size() * 4)
                .allSatisfy((request, status) -> assertThat(status).as(request)
                        .isEqualTo(request.startsWith("GET ") || request.startsWith("HEAD ") ? 303 : 401));
    }

    @Test
    void withASessionButWithoutItsCsrfTokenNoChangeGoesThrough() throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(layout, base());
        assertThat(browser.signIn("ops", layout.secrets().password("ops")).statusCode()).isEqualTo(303);
        String cookie = "__Host-bazaar-console=" + browser.cookies().get("__Host-bazaar-console");
        List<Route> changes = routes.stream().filter(route -> route.method() != HttpMethod.GET
                && route.method() != HttpMethod.HEAD && !ANONYMOUS.contains(route.toString())
                && !route.toString().equals(WEBHOOK)).toList();
        assertThat(changes).as("the changes").isNotEmpty();
        for (Route change : changes) {
            assertThat(send(change.method(), change.path(), cookie, null).statusCode()).as("%s without a token", change)
                    .isEqualTo(403);
            assertThat(send(change.method(), change.path(), cookie, "forged").statusCode())
                    .as("%s with a wrong token", change).isEqualTo(403);
        }
        assertThat(browser.get("/").statusCode()).as("the session still stands").isEqualTo(200);
        // and the webhook takes no session, with or without its token: only Alertmanager's own credential
        assertThat(send(HttpMethod.POST, "/alerts/webhook", cookie, browser.csrf()).statusCode())
                .as("the webhook with a user's session and token").isEqualTo(401);
    }

    @Test
    void prometheusReadsWithTheScrapeUserOrAdminOnlyAndHealthTellsTheStatusOnly() throws Exception {
        assertThat(send(HttpMethod.GET, "/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(scrape("prometheus", "wrong").statusCode()).isEqualTo(401);
        assertThat(scrape("ops", layout.secrets().password("ops")).statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = scrape(HttpUser.METRICS.name(), HttpUser.METRICS.password(layout));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("# TYPE");
        HttpResponse<String> health = send(HttpMethod.GET, "/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private HttpResponse<String> scrape(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/prometheus")).timeout(TIMEOUT)
                .header("Authorization", dev.bazaar.common.BasicAuth.header(user, password)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpMethod method, String path, String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(TIMEOUT);
        boolean body = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        request.method(method.name(), body ? HttpRequest.BodyPublishers.ofString("a=b")
                : HttpRequest.BodyPublishers.noBody());
        if (body) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "https://127.0.0.1:" + server.getPort();
    }

    /** A route: its method, its template, and a path that matches it ({@code {var}} filled with a sample value). */
    private record Route(HttpMethod method, String template, String path) {

        static Route of(HttpMethod method, UriMatchTemplate template) {
            Map<String, Object> samples = template.getVariableNames().stream()
                    .collect(Collectors.toMap(name -> name, name -> "sample", (a, b) -> a));
            return new Route(method, template.toString(), template.expand(samples));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** A way to spell a path: as declared, or as a careless or crafty client might. */
    private enum Spelling {
        AS_DECLARED(UnaryOperator.identity()),
        TRAILING_SLASH(path -> path.equals("/") ? "//" : path + "/"),
        DOUBLE_SLASH_PREFIX(path -> "/" + path),
        UPPER_CASE(path -> path.toUpperCase(Locale.ROOT)),
        MATRIX_PARAMETER(path -> path + ";x"),
        PERCENT_ENCODED(path -> path.length() > 1 ? "/%" + Integer.toHexString(path.charAt(1)).toUpperCase(Locale.ROOT)
                + path.substring(2) : "/%2F");

        private final UnaryOperator<String> spelling;

        Spelling(UnaryOperator<String> spelling) {
            this.spelling = spelling;
        }

        String spell(String path) {
            return spelling.apply(path);
        }
    }
}
