package dev.bazaar.search.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The node's REST API over plain {@link HttpClient}, JSON bodies parsed for assertions. */
final class EsHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A response: HTTP status and parsed body. */
    record Response(int status, JsonNode body) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    EsHttp(URI base) {
        this.base = base;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    Response delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null, null);
    }

    Response put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json, "application/json");
    }

    Response post(String path) throws IOException, InterruptedException {
        return send("POST", path, null, null);
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, "application/json");
    }

    Response bulk(String ndjson) throws IOException, InterruptedException {
        return send("POST", "/_bulk", ndjson, "application/x-ndjson");
    }

    private Response send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Response(response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
    }
}
