package dev.bazaar.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The platform's HTTP services the console calls as itself ({@link HttpUser#CONSOLE}): Prometheus for
 * dashboards and lag charts, Alertmanager for alerts and silences, Connect for connectors. Only after
 * the console decided the signed-in user may see or do the thing (their ACLs, the role table): the
 * service credential is never lent to a user. Addresses come from the platform's endpoints file at each
 * call, so a service started after the console is found.
 */
@Singleton
public final class PlatformServices {

    /** A service the console calls, by its name in the endpoints file. */
    public enum Service {
        PROMETHEUS("prometheus"), ALERTMANAGER("alertmanager"), CONNECT("connect");

        private final String endpoint;

        Service(String endpoint) {
            this.endpoint = endpoint;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final RuntimeLayout layout;
    private final HttpClient http;
    private final String authorization;

    public PlatformServices(RuntimeLayout layout) {
        this.layout = layout;
        this.http = PlatformTls.httpClient(layout);
        this.authorization = HttpUser.CONSOLE.basic(layout);
    }

    /** GET {@code pathAndQuery} of {@code service}, its JSON answer. */
    public JsonNode get(Service service, String pathAndQuery) {
        return send(service, "GET", pathAndQuery, null);
    }

    /** {@code method} {@code pathAndQuery} with a JSON body (or none); the JSON answer, or null when it had none. */
    public JsonNode send(Service service, String method, String pathAndQuery, String jsonBody) {
        String url = url(service) + pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceException(service.endpoint + " at " + url(service) + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while calling " + service.endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
            throw new ServiceException(service.endpoint + " answered " + response.statusCode() + " to " + method + " "
                    + pathAndQuery.replaceAll("\\?.*", "") + ": " + body.strip());
        }
        try {
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceException(service.endpoint + " answered something that is not JSON to " + method + " "
                    + pathAndQuery, e);
        }
    }

    /** The service's address; fails, saying so, when the platform does not run it. */
    public String url(Service service) {
        return PlatformEndpoints.load(layout).serviceUrl(service.endpoint).orElseThrow(() -> new ServiceException(
                service.endpoint + " is not part of this platform (no address in " + layout.root().resolve(
                        "endpoints.properties") + "): start it with ./bazaar up"));
    }

    /** A service that is missing, down, or refused the call: the message says which and why. */
    public static final class ServiceException extends RuntimeException {

        public ServiceException(String message) {
            super(message);
        }

        public ServiceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
