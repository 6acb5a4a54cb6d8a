package dev.bazaar.platform.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The readiness probe of a component that answers HTTP: ready when its health URL answers 200, and
 * for a component whose page says when it is ready (a metrics page showing a connector running),
 * when the body holds the expected text too.
 */
public final class HttpProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String component;
    private final String url;
    private final String expected;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpProbe(String component, String url) {
        this(component, url, "");
    }

    /** Ready when {@code url} answers 200 with {@code expected} in its body. */
    public HttpProbe(String component, String url, String expected) {
        this.component = component;
        this.url = url;
        this.expected = expected;
    }

    /** Whether the health URL answers 200 now (with the expected text). */
    public boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
            if (expected.isEmpty()) {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until ready; fails naming the component and its log when the process exits or the deadline passes. */
    public void await(ManagedProcess process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready()) {
            if (process.running().isEmpty()) {
                throw new StartupFailure(component, process.logFile(), "the process exited");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailure(component, process.logFile(),
                        url + " did not answer 200" + (expected.isEmpty() ? "" : " showing '" + expected + "'")
                                + " within " + timeout.toSeconds() + " s");
            }
            Poll.pause();
        }
    }
}
