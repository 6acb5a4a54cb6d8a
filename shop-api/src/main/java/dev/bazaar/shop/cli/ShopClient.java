package dev.bazaar.shop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Posts batches of records to shop-api over HTTPS with its credentials; says how many Kafka acknowledged. */
final class ShopClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    /** {@code http} trusts the platform CA ({@code PlatformTls.httpClient}). */
    ShopClient(URI base, String authorization, HttpClient http) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
    }

    /** Posts {@code records} to {@code path}; returns the number acknowledged, or throws with shop-api's answer. */
    int post(String path, List<? extends JsonNode> records) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(records))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
            return JSON.readTree(response.body()).path("acknowledged").asInt();
        }
        throw new IOException("shop-api answered " + response.statusCode() + ": " + response.body());
    }
}
