package dev.bazaar.events.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for events-api in the CLI's unit tests: a real HTTPS server on a free loopback port with
 * a certificate of a platform CA issued into the test's runtime folder as {@code ./bazaar up} issues it
 * (and events-api's password created, as the service does at its first start); it answers every request
 * with one canned status and remembers what it was sent.
 */
final class CannedEventsApi implements AutoCloseable {

    /** One request as the server received it. */
    record Request(String method, String pathAndQuery, String authorization, String contentType, byte[] body) {
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 202;

    CannedEventsApi(RuntimeLayout layout) throws IOException {
        CertificateStore certificates = new CertificateStore(layout.sslDir(),
                PlatformTls.keystorePassword(layout).toCharArray(),
                layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray(),
                layout.secrets().password("ca").toCharArray());
        certificates.ensureKeystore(new TlsIdentity(EventsApiTarget.SERVICE, "service", List.of(EventsApiTarget.SERVICE)));
        EventsApiCredentials.basic(layout);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(PlatformTls.serverContext(layout, EventsApiTarget.SERVICE)));
        server.createContext("/", this::answer);
        server.start();
    }

    /** Answer every request from now on with {@code status}. */
    CannedEventsApi answer(int status) {
        this.status = status;
        return this;
    }

    String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        byte[] answer = (status == 202 ? "{\"acknowledged\":1,\"events\":[]}"
                : "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"canned failure\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 202 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
