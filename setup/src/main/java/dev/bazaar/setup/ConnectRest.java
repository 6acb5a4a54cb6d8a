package dev.bazaar.setup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A signed-in client of a Kafka Connect worker's REST API: its base URL, the HTTP client that trusts
 * its certificate, and the {@code Authorization} header its basic-auth extension expects. Every
 * caller of the API (the connector applier, status, tests, benchmarks) goes through it.
 *
 * @param url the base URL, e.g. {@code https://127.0.0.1:9083}
 * @param http a client trusting the worker's certificate
 * @param authorization the {@code Authorization} header, or null for a worker without authentication
 */
public record ConnectRest(String url, HttpClient http, String authorization) {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    public ConnectRest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(http, "http");
    }

    /** Sends {@code method path} with a JSON {@code body} (null: none) and returns the answer as text. */
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
