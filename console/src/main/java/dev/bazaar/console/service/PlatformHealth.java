package dev.bazaar.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RuntimeLayout;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overview's health of the platform's services the clusters depend on — the registry, Connect,
 * Elasticsearch, HDFS and PostgreSQL, those this platform has — each asked the way it reports health
 * (the registry as its read-only user, Connect with the console's credential, Elasticsearch's cluster
 * health, HDFS's and PostgreSQL's listeners), and every TLS endpoint's certificate expiry as the
 * platform's blackbox probe sees it (through Prometheus).
 */
@Singleton
public final class PlatformHealth {

    /** One service: whether it answers as healthy, and what it said. */
    public record Check(String service, boolean healthy, String detail) {
    }

    /** A TLS endpoint's certificate: days until it expires, and whether the last probe succeeded. */
    public record Certificate(String component, double daysLeft, boolean probeSucceeded) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RuntimeLayout layout;
    private final RegistryConnection registry;
    private final PlatformServices services;
    private final Prometheus prometheus;
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public PlatformHealth(RuntimeLayout layout, RegistryConnection registry, PlatformServices services,
            Prometheus prometheus) {
        this.layout = layout;
        this.registry = registry;
        this.services = services;
        this.prometheus = prometheus;
    }

    /** Each service this platform has, checked now. */
    public List<Check> services() {
        PlatformEndpoints endpoints = PlatformEndpoints.load(layout);
        List<Check> checks = new ArrayList<>();
        checks.add(registry());
        endpoints.serviceUrl("connect").ifPresent(url -> checks.add(connect()));
        endpoints.serviceUrl("elasticsearch").ifPresent(url -> checks.add(elasticsearch(url)));
        endpoints.serviceUrl("hdfs").ifPresent(url -> checks.add(listener("HDFS (namenode)", url)));
        endpoints.serviceUrl("postgres").ifPresent(url -> checks.add(listener("PostgreSQL", url)));
        return checks;
    }

    /** Every probed TLS endpoint's certificate, soonest expiry first; empty when Prometheus has none. */
    public List<Certificate> certificates() {
        Map<String, Certificate> byComponent = new TreeMap<>();
        Map<String, Double> success = new TreeMap<>();
        prometheus.instant("probe_success{job=\"blackbox-tls\"}").forEach(s -> success.put(
                s.labels().getOrDefault("component", s.labels().get("instance")), s.values()[0]));
        prometheus.instant("(probe_ssl_earliest_cert_expiry{job=\"blackbox-tls\"} - time()) / 86400").forEach(s -> {
            String component = s.labels().getOrDefault("component", s.labels().get("instance"));
            byComponent.put(component, new Certificate(component, s.values()[0], success.getOrDefault(component, 0.0) == 1));
        });
        return byComponent.values().stream().sorted((a, b) -> Double.compare(a.daysLeft(), b.daysLeft())).toList();
    }

    private Check registry() {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(registry.sslContext()).connectTimeout(TIMEOUT)
                    .build().send(HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + "/subjects")).timeout(TIMEOUT)
                            .header("Authorization", registry.authorization()).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Check("Schema registry", answer.statusCode() == 200, answer.statusCode() == 200
                    ? JSON.readTree(answer.body()).size() + " subjects" : "answered " + answer.statusCode());
        } catch (IOException e) {
            return new Check("Schema registry", false, "does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check("Schema registry", false, "interrupted");
        }
    }

    private Check connect() {
        try {
            JsonNode connectors = services.get(PlatformServices.Service.CONNECT, "/connectors");
            return new Check("Kafka Connect", true, connectors.size() + " connectors");
        } catch (PlatformServices.ServiceException e) {
            return new Check("Kafka Connect", false, e.getMessage());
        }
    }

    private Check elasticsearch(String url) {
        try {
            HttpResponse<String> answer = plain.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            String status = answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("status").asText() : "";
            return new Check("Elasticsearch", status.equals("green") || status.equals("yellow"),
                    status.isEmpty() ? "answered " + answer.statusCode() : "cluster " + status);
        } catch (IOException e) {
            return new Check("Elasticsearch", false, "does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check("Elasticsearch", false, "interrupted");
        }
    }

    /** A service asked only whether its listener accepts a connection. */
    private static Check listener(String name, String url) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
            return new Check(name, true, "listening on " + uri.getHost() + ":" + uri.getPort());
        } catch (IOException e) {
            return new Check(name, false, "nothing listens on " + uri.getHost() + ":" + uri.getPort() + ": "
                    + e.getMessage());
        }
    }
}
