package dev.bazaar.bench;

import dev.bazaar.setup.ConnectRest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON requests to the platform's REST endpoints (Connect, Elasticsearch) that set a benchmark up; not timed. */
final class BenchHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BenchHttp() {
    }

    /** The body of the answer to {@code method path} on the Connect worker's REST API (signed in); fails on a status >= 300. */
    static String send(ConnectRest connect, String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = connect.send(method, path, null);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + connect.url() + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    /** The body of the answer to {@code method url} with a JSON {@code body} (or none); fails on a status >= 300. */
    static String send(String method, String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
