package dev.bazaar.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.common.BasicAuth;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real server on an ephemeral loopback port, with a CA made for the test: who reaches which handler,
 * and what everyone else is told. One server for the class: no test changes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureHttpServerTest {

    private static final String SERVICE = "test-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path var;

    private RuntimeLayout layout;
    private SecureHttpServer server;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        layout = ThrowAwayTls.issue(var, SERVICE);
        server = routes().start(layout, 0);
        http = PlatformTls.httpClient(layout);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** The table of a typical service: an anonymous liveness probe, an operator route, a metrics route. */
    private static SecureHttpServer.Builder routes() {
        return SecureHttpServer.builder(SERVICE)
                .get("/health", Access.anonymousOr(HttpUser.OPS, HttpUser.ADMIN), request -> Response.json(200,
                        request.caller().isPresent() ? "{\"status\":\"UP\",\"detail\":\"all of it\"}" : "{\"status\":\"UP\"}"))
                .get("/products/{id}", Access.users(HttpUser.OPS, HttpUser.ADMIN),
                        request -> Response.json(200, "{\"id\":\"" + request.parameter("id") + "\"}"))
                .get("/prometheus", Access.users(HttpUser.METRICS, HttpUser.ADMIN),
                        request -> Response.text(200, "text/plain", "up 1\n"))
                .get("/fails", Access.users(HttpUser.ADMIN), request -> {
                    throw new IllegalStateException("secret detail of the failure");
                });
    }

    @Test
    void servicesListenOnLoopbackUnlessTheVariableNamesAnotherAddressAndAnythingElseIsRefusedNamingIt() {
        assertThat(SecureHttpServer.bindHost(java.util.Map.of())).isEqualTo("127.0.0.1");
        assertThat(SecureHttpServer.bindHost(java.util.Map.of("BAZAAR_HTTP_HOST", "0.0.0.0"))).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> SecureHttpServer.bindHost(java.util.Map.of("BAZAAR_HTTP_HOST", "0.0.0.0/0")))
                .hasMessageContaining("BAZAAR_HTTP_HOST").hasMessageContaining("0.0.0.0/0");
    }

    @Test
    void anAnonymousCallerGetsTheStatusOfHealthOnly() throws Exception {
        HttpResponse<String> anonymous = get("/health", null);
        HttpResponse<String> operator = get("/health", HttpUser.OPS);

        assertThat(anonymous.statusCode()).as("anonymous status").isEqualTo(200);
        assertThat(anonymous.body()).as("anonymous body").isEqualTo("{\"status\":\"UP\"}");
        assertThat(operator.body()).as("ops' body").contains("all of it");
        assertThat(anonymous.headers().firstValue("Cache-Control")).as("cache").contains("no-store");
    }

    @Test
    void anAllowedUserReachesTheHandlerWithThePathParameter() throws Exception {
        HttpResponse<String> ops = get("/products/P-00001", HttpUser.OPS);
        HttpResponse<String> admin = get("/prometheus", HttpUser.ADMIN);

        assertThat(ops.statusCode()).as("ops on a product").isEqualTo(200);
        assertThat(ops.body()).as("the id as sent").isEqualTo("{\"id\":\"P-00001\"}");
        assertThat(admin.statusCode()).as("admin on metrics").isEqualTo(200);
    }

    @Test
    void noCredentialsIs401WithTheRealmAndAProblem() throws Exception {
        HttpResponse<String> response = get("/products/p-00001", null);

        assertThat(response.statusCode()).as("status").isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("challenge")
                .contains("Basic realm=\"" + SERVICE + "\"");
        assertProblem(response, 401, "Unauthorized");
    }

    @Test
    void aWrongPasswordIs401EvenOnTheAnonymousRoute() throws Exception {
        HttpResponse<String> products = send("GET", "/products/p-00001",
                BasicAuth.header("ops", HttpUser.OPS.password(layout) + "x"));
        HttpResponse<String> health = send("GET", "/health", BasicAuth.header("ops", "guess"));

        assertProblem(products, 401, "Unauthorized");
        assertProblem(health, 401, "Unauthorized");
        assertThat(health.body()).as("no status for a wrong password").doesNotContain("UP");
    }

    @Test
    void aValidUserTheRouteDoesNotNameIs403() throws Exception {
        assertProblem(get("/prometheus", HttpUser.OPS), 403, "Forbidden");
        assertProblem(get("/products/p-00001", HttpUser.METRICS), 403, "Forbidden");
        assertProblem(get("/health", HttpUser.METRICS), 403, "Forbidden");
    }

    @Test
    void anUnknownRouteIs401WithoutCredentialsAnd404WithThem() throws Exception {
        assertProblem(get("/admin", null), 401, "Unauthorized");
        assertProblem(get("/admin", HttpUser.OPS), 404, "Not Found");
        assertProblem(get("/products", HttpUser.OPS), 404, "Not Found");
    }

    @Test
    void anotherMethodIs405ToAUserAnd401ToAnyoneElse() throws Exception {
        HttpResponse<String> post = send("POST", "/products/p-00001", HttpUser.OPS.basic(layout));

        assertProblem(post, 405, "Method Not Allowed");
        assertThat(post.headers().firstValue("Allow")).as("Allow").contains("GET");
        assertProblem(send("POST", "/health", null), 401, "Unauthorized");
        assertProblem(send("DELETE", "/health", null), 401, "Unauthorized");
        assertThat(send("HEAD", "/health", null).statusCode()).as("HEAD, not on the allow-list").isEqualTo(401);
    }

    @Test
    void aFailingHandlerIs500WithoutItsDetail() throws Exception {
        HttpResponse<String> response = get("/fails", HttpUser.ADMIN);

        assertProblem(response, 500, "Internal Server Error");
        assertThat(response.body()).as("body").doesNotContain("secret detail");
    }

    @Test
    void theGeneratedRouteAuditPassesEveryProbe() throws Exception {
        // given every route × every caller and every trick of its path
        List<RouteAudit.Probe> probes = RouteAudit.probes(server.routes(), layout, "p-00001");

        // when
        List<RouteAudit.Outcome> outcomes = RouteAudit.run(http, baseUrl(), probes);

        // then
        System.out.printf("route audit of %s: %d routes, %d probes%n", SERVICE, server.routes().size(), probes.size());
        assertThat(probes).as("probes of 4 routes").hasSizeGreaterThan(4 * 25);
        assertThat(outcomes).as("outcomes not as expected").filteredOn(outcome -> !outcome.asExpected()).isEmpty();
        assertThat(outcomes).as("refused by the JDK before routing: // before a single segment, with and "
                + "without credentials").filteredOn(RouteAudit.Outcome::refusedBeforeRouting).hasSize(2 * 3)
                .allSatisfy(outcome -> assertThat(outcome.probe().path()).matches("//[a-z]+"));
        assertThat(outcomes).as("refusals answered 2xx").filteredOn(outcome -> outcome.probe().expected() != 0
                && outcome.status() / 100 == 2).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/", "/HEALTH", "/Health", "/health;x", "/%68ealth", "/./health",
        "/x/../health", "/health/.", "/health?x=1", "/health%2F", "/%2Fhealth"})
    void aTrickOfTheAnonymousPathIsNeverAnswered(String path) throws Exception {
        HttpResponse<String> response = get(path, null);

        assertProblem(response, 401, "Unauthorized");
    }

    @Test
    void aDoubleSlashBeforeTheOnlySegmentIsRefusedByTheJdkBeforeRouting() throws Exception {
        // given //health, which parses as authority "health" and an empty path: no context, so no route, sees it
        for (HttpUser user : new HttpUser[] {null, HttpUser.OPS}) {
            // when
            HttpResponse<String> response = get("//health", user);

            // then
            assertThat(response.statusCode()).as("status as %s", user).isEqualTo(404);
            assertThat(response.body()).as("body as %s", user).contains("No context found").doesNotContain("UP");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/products/p-00001/", "//products/p-00001", "/PRODUCTS/p-00001", "/products;x/p-00001",
        "/products/p-00001;x", "/products%2Fp-00001", "/products/%70-00001", "/products/./p-00001",
        "/products/x/../p-00001", "/health/../products/p-00001", "/products//p-00001", "/products/p-00001?x=1"})
    void aTrickOfAProtectedPathIsRefusedWithAndWithoutCredentials(String path) throws Exception {
        assertProblem(get(path, null), 401, "Unauthorized");
        assertProblem(get(path, HttpUser.OPS), 404, "Not Found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/health", "https://127.0.0.1/products/p-00001", "health", "*",
        "/health\\", "/health%00", "/products/p-00001#x"})
    void rawTargetsAClientWouldNotSendAreRefused(String target) throws Exception {
        String anonymous = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String ops = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + HttpUser.OPS.basic(layout) + "\r\nConnection: close\r\n\r\n");

        assertThat(anonymous).as("anonymous %s", target).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 2");
        assertThat(ops).as("ops %s", target).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 2");
    }

    @Test
    void plainHttpIsNeverServed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(5);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).as("answer to plain HTTP")
                    .doesNotStartWith("HTTP");
        } catch (IOException closed) {
            assertThat(closed).as("the connection is closed rather than answered").isNotNull();
        }
        HttpClient plain = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/health")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()))
                .as("http:// URL").isInstanceOf(IOException.class);
    }

    @Test
    void theServerKeepsItsRouteTableInOrder() {
        assertThat(server.port()).as("port").isPositive();
        assertThat(server.service()).as("service").isEqualTo(SERVICE);
        assertThat(server.routes()).as("routes").extracting(Route::toString)
                .containsExactly("GET /health", "GET /products/{id}", "GET /prometheus", "GET /fails");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type")
                .contains("application/problem+json");
        assertThat(response.body()).as("problem body")
                .startsWith("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"")
                .endsWith("\"}");
    }

    private HttpResponse<String> get(String path, HttpUser user) throws Exception {
        return send("GET", path, user == null ? null : user.basic(layout));
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        Optional.ofNullable(authorization).ifPresent(value -> request.header("Authorization", value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String baseUrl() {
        return "https://127.0.0.1:" + server.port();
    }

    /** The status line the server answers to {@code request}, sent as is over TLS. */
    private String raw(String request) throws IOException {
        try (SSLSocket socket = (SSLSocket) PlatformTls.clientContext(layout).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            return line == null ? "" : line;
        }
    }
}
