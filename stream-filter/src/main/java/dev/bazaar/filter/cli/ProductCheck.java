package dev.bazaar.filter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Asks the running stream-filter whether it has seen a product and whether it is blocked, so that
 * a typo in a product id is refused instead of blocking nothing. The operator needs no read access
 * to {@code items} for it: the look-up is HTTPS (trusting the platform CA) with ops' own credential.
 */
final class ProductCheck {

    static final String SERVICE = "stream-filter";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PROBLEM = "application/problem+json";

    private final String baseUrl;
    private final HttpClient http;
    private final String authorization;

    ProductCheck(String baseUrl, HttpClient http, String authorization) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
        this.authorization = authorization;
    }

    /** The check against {@code url}, or the stream-filter the platform in {@code layout} recorded, as ops. */
    static ProductCheck of(String url, RuntimeLayout layout) {
        String baseUrl = url != null && !url.isBlank() ? url : PlatformEndpoints.load(layout).serviceUrl(SERVICE)
                .orElseThrow(() -> new IllegalStateException("the platform recorded no stream-filter URL: run "
                        + "'./bazaar up' again, pass --filter-url, or --force to skip the check"));
        if (!Files.exists(layout.truststore()) || !layout.secrets().exists(HttpUser.OPS.secret())) {
            throw new IllegalStateException("no platform CA or ops credential under " + layout.root()
                    + ": run './bazaar up' first, or --force to skip the check");
        }
        try {
            return new ProductCheck(baseUrl, PlatformTls.httpClient(layout), HttpUser.OPS.basic(layout));
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage() + "; --force skips the check", e);
        }
    }

    /** What the filter knows of a product. */
    record Product(String productId, boolean known, boolean blocked, String name) {

        String describe() {
            return name == null ? productId : productId + " (" + name + ")";
        }
    }

    Product find(String productId) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/products/" + productId);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", authorization)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("cannot check product '" + productId + "': stream-filter does not answer at "
                    + baseUrl + " (is it running? ./bazaar status): " + e.getMessage() + "; --force skips the check", e);
        }
        if (response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM)) {
            throw new IOException("stream-filter at " + baseUrl + " refused the look-up of " + uri.getPath() + " as "
                    + HttpUser.OPS.name() + " (" + response.statusCode() + "): " + detail(response.body()));
        }
        return switch (response.statusCode()) {
            case 200, 404 -> read(productId, response.body());
            case 503 -> throw new IOException("stream-filter at " + baseUrl + " is not ready: "
                    + JSON.readTree(response.body()).path("error").asText() + "; try again in a moment");
            default -> throw new IOException("stream-filter at " + baseUrl + " answered " + response.statusCode()
                    + " for " + uri.getPath() + ": " + response.body());
        };
    }

    private static Product read(String productId, String body) throws IOException {
        JsonNode node = JSON.readTree(body);
        return new Product(productId, node.path("known").asBoolean(false), node.path("blocked").asBoolean(false),
                node.hasNonNull("name") ? node.get("name").asText() : null);
    }

    /** The title and detail of a problem answer, or the body as it is. */
    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.hasNonNull("detail") ? problem.path("title").asText() + ": " + problem.get("detail").asText()
                    : body;
        } catch (IOException notJson) {
            return body;
        }
    }
}
