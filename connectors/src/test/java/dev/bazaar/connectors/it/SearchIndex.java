package dev.bazaar.connectors.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The platform's Elasticsearch index {@code items}, read over its HTTP API as a search service would. */
final class SearchIndex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SearchIndex(String url) {
        this.url = url;
    }

    /** The document's source by id (real time, no refresh needed), or empty when there is none. */
    Optional<JsonNode> get(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/items/_doc/" + id, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(response.body()).path("_source"));
    }

    /** How many documents have an id starting with {@code prefix}, after a refresh. */
    long countWithPrefix(String prefix) throws IOException, InterruptedException {
        send("POST", "/items/_refresh", null);
        String query = JSON.createObjectNode().set("query", JSON.createObjectNode()
                .set("prefix", JSON.createObjectNode().put("productId", prefix))).toString();
        return JSON.readTree(send("POST", "/items/_count", query).body()).path("count").asLong(-1);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500 || response.statusCode() == 400) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
