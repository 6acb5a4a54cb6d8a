package dev.bazaar.platform.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;

/** The readiness probe of a component that answers HTTP: ready when its health URL answers 200. */
public final class HttpProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String component;
    private final String url;
    private final HttpClient http;
    private final String authorization;

    public HttpProbe(String component, String url) {
        this(component, url, null);
    }

    public HttpProbe(String component, String url, SSLContext tls) {
        this(component, url, tls, null);
    }

    /**
     * A probe of an HTTPS URL whose certificate {@code tls} trusts (null: plain HTTP or the JDK's
     * trust), sending {@code authorization} as its {@code Authorization} header (null: none). HTTP/1.1:
     * the HDFS DataNode's HTTP front end does not answer a request that offers an upgrade to HTTP/2.
     */
    public HttpProbe(String component, String url, SSLContext tls, String authorization) {
        this.component = component;
        this.url = url;
        this.authorization = authorization;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT);
        this.http = tls == null ? builder.build() : builder.sslContext(tls).build();
    }

    /** Whether the health URL answers 200 now. */
    public boolean ready() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
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
                        url + " did not answer 200 within " + timeout.toSeconds() + " s");
            }
            Poll.pause();
        }
    }
}
