package dev.bazaar.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RegistryConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Registers each topic's value schema in the registry through its Confluent-compatible API and
 * keeps the subject's compatibility at BACKWARD, so an incompatible change is refused.
 */
final class SchemaApplier {

    static final String COMPATIBILITY = "BACKWARD";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RegistryConnection registry;
    private final SetupReport report;
    private final HttpClient http;

    SchemaApplier(RegistryConnection registry, SetupReport report) {
        this.registry = registry;
        this.report = report;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(registry.sslContext()).build();
    }

    void apply(List<TopicSpec> topics) throws IOException, InterruptedException {
        for (TopicSpec topic : topics) {
            for (Map.Entry<String, String> subject : topic.subjects().entrySet()) {
                register(subject.getKey(), PlatformSpec.schemaText(subject.getValue()));
                ensureCompatibility(subject.getKey());
            }
        }
    }

    private void register(String subject, String schema) throws IOException, InterruptedException {
        HttpResponse<String> latest = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        if (latest.statusCode() == 200 && sameSchema(JSON.readTree(latest.body()).path("schema").asText(), schema)) {
            return;
        }
        if (latest.statusCode() != 200 && latest.statusCode() != 404) {
            throw failure("read subject " + subject, latest);
        }
        String body = JSON.writeValueAsString(Map.of("schemaType", "JSON", "schema", schema));
        HttpResponse<String> registered = send("POST", "/subjects/" + encode(subject) + "/versions", body);
        if (registered.statusCode() == 409) {
            throw new IllegalStateException("the registry refused the schema of " + subject
                    + " as incompatible with its latest version (" + COMPATIBILITY + "): " + registered.body());
        }
        if (registered.statusCode() != 200) {
            throw failure("register a schema for " + subject, registered);
        }
        report.changed((latest.statusCode() == 404 ? "registered" : "added a new version of")
                + " the schema of " + subject + " (id " + JSON.readTree(registered.body()).path("id").asText() + ")");
    }

    private void ensureCompatibility(String subject) throws IOException, InterruptedException {
        HttpResponse<String> current = send("GET", "/config/" + encode(subject), null);
        if (current.statusCode() == 200
                && COMPATIBILITY.equals(JSON.readTree(current.body()).path("compatibilityLevel").asText())) {
            return;
        }
        String body = JSON.writeValueAsString(Map.of("compatibility", COMPATIBILITY));
        HttpResponse<String> set = send("PUT", "/config/" + encode(subject), body);
        if (set.statusCode() != 200) {
            throw failure("set the compatibility of " + subject, set);
        }
        report.changed("set compatibility " + COMPATIBILITY + " on " + subject);
    }

    private static boolean sameSchema(String registered, String declared) throws IOException {
        JsonNode a = JSON.readTree(registered);
        JsonNode b = JSON.readTree(declared);
        return a.equals(b);
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path))
                .timeout(TIMEOUT)
                .header("Authorization", registry.authorization())
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static IllegalStateException failure(String what, HttpResponse<String> response) {
        return new IllegalStateException("could not " + what + ": the registry answered "
                + response.statusCode() + " " + response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
