package dev.bazaar.client.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** client-api over HTTPS as a shopper's app calls it (trusting the platform CA), with or without credentials. */
public final class ClientApiHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final HttpClient http;

    public ClientApiHttp(String url, RuntimeLayout layout) {
        this.url = url;
        this.http = PlatformTls.httpClient(layout);
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {

        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** GETs {@code path} (with a query already encoded) with {@code authorization}, or none when null. */
    public Answer get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
