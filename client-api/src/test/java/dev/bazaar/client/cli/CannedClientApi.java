package dev.bazaar.client.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.ssl.CertificateStore;
import dev.bazaar.ssl.TlsIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for client-api in the CLI's unit tests: a real HTTPS server on a free loopback port,
 * presenting a certificate of a platform CA issued into the test's runtime folder as {@code ./bazaar up}
 * issues it, that answers every request with one canned status and body, and remembers what it was asked.
 */
final class CannedClientApi implements AutoCloseable {

    /** One request as the server received it. */
    record Request(String path, String query, String authorization) {
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile String contentType = "application/json";

    CannedClientApi(RuntimeLayout layout) throws IOException {
        issueCertificates(layout);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(PlatformTls.serverContext(layout, ClientApiTarget.SERVICE)));
        server.createContext("/", this::answer);
        server.start();
    }

    /** The platform CA, its truststore and client-api's keystore under {@code layout}, as the launcher issues them. */
    static void issueCertificates(RuntimeLayout layout) {
        CertificateStore certificates = new CertificateStore(layout.sslDir(),
                PlatformTls.keystorePassword(layout).toCharArray(),
                layout.secrets().password(KafkaConnection.TRUSTSTORE_SECRET).toCharArray(),
                layout.secrets().password("ca").toCharArray());
        certificates.ensureKeystore(new TlsIdentity(ClientApiTarget.SERVICE, "service", List.of(ClientApiTarget.SERVICE)));
    }

    /** Answer every request from now on with {@code status} and {@code body}. */
    CannedClientApi answer(int status, String body) {
        this.status = status;
        this.body = body;
        this.contentType = status == 200 ? "application/json" : "application/problem+json";
        return this;
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(new Request(uri.getPath(), uri.getQuery(), exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
