package dev.bazaar.bench;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.client.search.SearchQuery;
import dev.bazaar.client.search.SearchRequests;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One search, timed, two ways: {@code GET /search} of client-api (authenticated, recorded on
 * client-search before it answers), and the very request client-api sends to Elasticsearch
 * ({@link SearchRequests}) posted straight to the node. Both over one kept-alive HTTP/1.1
 * connection of the JDK's client; the clock runs from sending the request to the last byte of the
 * answer, which is parsed after it stopped.
 */
final class SearchCalls {

    /** client-api's defaults ({@code client.page-size}, {@code client.fuzziness}), which the bench platform keeps. */
    static final int PAGE_SIZE = 10;
    static final String FUZZINESS = "AUTO";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JacksonJsonpMapper ES_JSON = new JacksonJsonpMapper(JSON);

    /** What one search took and found: the total of matches and the product ids of the first page. */
    record Answer(double millis, long total, List<String> ids) {
    }

    private final HttpClient http;
    private final String clientApi;
    private final String authorization;
    private final String elasticsearch;

    /**
     * client-api at {@code clientApi} (HTTPS), called with the {@code Authorization} header
     * {@code authorization} through {@code http}, which trusts the platform CA; Elasticsearch over plain HTTP.
     */
    SearchCalls(HttpClient http, String clientApi, String authorization, String elasticsearch) {
        this.http = http;
        this.clientApi = clientApi;
        this.authorization = authorization;
        this.elasticsearch = elasticsearch;
    }

    /** {@code text} searched as {@code user} through client-api. */
    Answer viaClientApi(String text, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(clientApi + "/search?q=" + encode(text) + "&user="
                        + encode(user)))
                .timeout(REQUEST_TIMEOUT).header("Authorization", authorization).GET().build();
        Timed timed = send(request);
        JsonNode page = JSON.readTree(timed.body());
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(product -> ids.add(product.path("id").asText()));
        return new Answer(timed.millis(), page.path("total").asLong(), ids);
    }

    /** {@code text} searched as {@code user} with client-api's own request, straight to Elasticsearch. */
    Answer direct(String text, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch + "/" + SearchSinkFeed.INDEX + "/_search"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(text, user))).build();
        Timed timed = send(request);
        JsonNode hits = JSON.readTree(timed.body()).path("hits");
        List<String> ids = new ArrayList<>();
        hits.path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return new Answer(timed.millis(), hits.path("total").path("value").asLong(), ids);
    }

    /** The JSON body of the search client-api sends to Elasticsearch for {@code text} (first page). */
    static String body(String text, String user) {
        return JsonpUtils.toJsonString(SearchRequests.build(new SearchQuery(text, 1, PAGE_SIZE, user),
                SearchSinkFeed.INDEX, FUZZINESS), ES_JSON);
    }

    private record Timed(double millis, String body) {
    }

    private Timed send(HttpRequest request) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - sent) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return new Timed(millis, response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
