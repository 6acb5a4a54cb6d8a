package dev.bazaar.events.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** events-api over HTTPS as an app calls it (trusting the platform CA), with or without credentials. */
final class EventsHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final HttpClient http;

    EventsHttp(String url, RuntimeLayout layout) {
        this.url = url;
        this.http = PlatformTls.httpClient(layout);
    }

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** POSTs {@code body} to {@code path} as {@code contentType} (none when null) with {@code authorization} (none when null). */
    Answer post(String path, String contentType, byte[] body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, authorization);
    }

    Answer get(String path, String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT).GET(), authorization);
    }

    private Answer send(HttpRequest.Builder request, String authorization) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
