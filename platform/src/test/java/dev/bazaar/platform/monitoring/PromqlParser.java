package dev.bazaar.platform.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Prometheus server with nothing to scrape, on a free loopback port, that tells whether a query
 * is valid PromQL: it answers 200 to any query it can parse (with no data), 400 with the parse
 * error otherwise.
 */
final class PromqlParser implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** The server's answer to one query. */
    record Answer(int status, String body) {
    }

    private final Process process;
    private final Path log;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private PromqlParser(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Starts the server with an empty configuration and its storage in {@code dir}, and waits until it is ready. */
    static PromqlParser start(Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "# nothing to scrape, no rules\n");
        Path log = dir.resolve("prometheus.log");
        int port = freePort();
        Process process = PackagedTool.PROMETHEUS.start(log, "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port);
        PromqlParser parser = new PromqlParser(process, log, port);
        try {
            await("Prometheus ready at " + parser.url).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(parser::ready);
        } catch (RuntimeException e) {
            parser.close();
            throw new IllegalStateException("Prometheus did not start; its log " + log + ":\n" + Files.readString(log), e);
        }
        return parser;
    }

    Answer query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Prometheus exited with " + process.exitValue());
        }
        try {
            return get("/-/ready").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private Answer get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Prometheus at " + url + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Prometheus", e);
        }
    }

    /** Stops the server: SIGTERM, then SIGKILL when it has not ended after ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "Prometheus at " + url + " (log " + log + ")";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
