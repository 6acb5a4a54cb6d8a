package dev.bazaar.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.HttpUser;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.ShopApiCredentials;
import dev.bazaar.filter.cli.FilterCli;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.platform.it.ExampleRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running platform as the stream-filter tests use it from outside: items published through
 * shop-api's HTTP API, the stop-list edited with the {@code filter} CLI, the filter's own HTTPS
 * endpoints read with the credential each is for (ops for products, Prometheus' for metrics).
 */
final class FilterService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "stream-filter";

    private final Running platform;
    private final HttpClient http;

    FilterService(Running platform) {
        this.platform = platform;
        this.http = PlatformTls.httpClient(platform.layout());
    }

    /** An item of the valid example with {@code productId} and {@code price}. */
    static ObjectNode item(String productId, double price) {
        return ExampleRecords.item(productId, price);
    }

    /** The price of a record on filtered-items (registry wire format). */
    static double price(byte[] value) throws IOException {
        return JSON.readTree(Arrays.copyOfRange(value, 5, value.length)).path("price").path("amount").asDouble();
    }

    /** POSTs the items to shop-api in one request; fails unless it answers 202. */
    void publish(List<? extends JsonNode> items) throws IOException, InterruptedException {
        ArrayNode body = JSON.createArrayNode().addAll(items);
        String shop = platform.platform().endpoints().serviceUrl("shop-api").orElseThrow();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(shop + "/items"))
                .header("Authorization", ShopApiCredentials.basic(platform.layout()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("shop-api answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** What stream-filter's {@code /products/{id}} answers. */
    JsonNode product(String productId) throws IOException, InterruptedException {
        return JSON.readTree(get("/products/" + productId, HttpUser.OPS).body());
    }

    /** One counter of stream-filter's {@code /prometheus}. */
    long counter(String name) throws IOException, InterruptedException {
        Matcher matcher = Pattern.compile("(?m)^" + name + " ([0-9.]+)$")
                .matcher(get("/prometheus", HttpUser.METRICS).body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
    }

    /** Runs {@code bazaar filter <args>} against the platform; returns its exit code and what it printed. */
    Cli cli(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--var";
        all[args.length + 1] = platform.layout().root().toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = FilterCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(all);
        return new Cli(exit, out.toString(), err.toString());
    }

    record Cli(int exit, String out, String err) {
    }

    /** GETs {@code path} of stream-filter as {@code user} (null: without credentials). */
    HttpResponse<String> get(String path, HttpUser user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).GET();
        if (user != null) {
            request.header("Authorization", user.basic(platform.layout()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** stream-filter's base URL as the platform recorded it. */
    String url() {
        return platform.platform().endpoints().serviceUrl(SERVICE).orElseThrow();
    }

    HttpClient http() {
        return http;
    }
}
