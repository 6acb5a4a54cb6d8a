package dev.bazaar.filter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /health} (200 while the Streams client runs or rebalances, 503 otherwise, with its
 * state), {@code GET /prometheus} (the filter's counters and the Kafka Streams client metrics) and
 * {@code GET /products/{id}} (whether the filter has seen the product and whether it is blocked:
 * 200, 404 when unknown, 503 while its stores are not queryable), on loopback.
 */
final class HealthServer {

    private static final String PRODUCTS = "/products/";

    private final HttpServer server;
    private final KafkaStreams streams;
    private final FilterMetrics metrics;
    private final ProductLookup products;

    HealthServer(int port, KafkaStreams streams, FilterMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
        this.products = new ProductLookup(streams);
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/health", this::health);
        server.createContext("/prometheus", this::prometheus);
        server.createContext(PRODUCTS, this::product);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    private void health(HttpExchange exchange) throws IOException {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        respond(exchange, up ? 200 : 503, "application/json",
                "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"streams\":\"" + state + "\"}");
    }

    private void product(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring(PRODUCTS.length());
        if (!ProductIds.valid(id)) {
            respond(exchange, 400, "application/json", "{\"error\":\"malformed product id\"}");
            return;
        }
        try {
            ProductLookup.Product product = products.find(id);
            respond(exchange, product.known() || product.blocked() ? 200 : 404, "application/json", product.toJson());
        } catch (InvalidStateStoreException e) {
            respond(exchange, 503, "application/json",
                    "{\"error\":\"stores not queryable yet (" + streams.state() + ")\"}");
        }
    }

    private void prometheus(HttpExchange exchange) throws IOException {
        StringBuilder text = new StringBuilder();
        metrics.counters().forEach((name, value) -> text.append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n'));
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            if (entry.getValue().metricValue() instanceof Number number && Double.isFinite(number.doubleValue())) {
                text.append(prometheusName(entry.getKey())).append(labels(entry.getKey())).append(' ')
                        .append(number.doubleValue()).append('\n');
            }
        }
        respond(exchange, 200, "text/plain; version=0.0.4", text.toString());
    }

    private static String prometheusName(MetricName name) {
        return ("kafka_streams_" + name.group() + "_" + name.name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static String labels(MetricName name) {
        StringBuilder labels = new StringBuilder("{");
        name.tags().forEach((k, v) -> labels.append(labels.length() > 1 ? "," : "")
                .append(k.replaceAll("[^a-zA-Z0-9_]", "_")).append("=\"").append(v.replace("\"", "'")).append('"'));
        return labels.append('}').toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
