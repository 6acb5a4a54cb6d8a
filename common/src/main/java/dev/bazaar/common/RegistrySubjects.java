package dev.bazaar.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The latest schema of a subject, read at a service's start through the registry's Confluent-compatible
 * API: its {@code id} is what the platform's serdes frame records with, so a service that writes
 * records itself (events-api, promo) needs it before the first one. A subject that is not registered
 * stops the service, saying what registers it: without the id no record could be read back.
 */
public final class RegistrySubjects {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final RegistryConnection registry;
    private final HttpClient http;

    public RegistrySubjects(RegistryConnection registry) {
        this.registry = registry;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(registry.sslContext()).build();
    }

    /** A subject's latest version: its id, version number and the schema itself. */
    public record Latest(String subject, int id, String version, JsonNode schema) {
    }

    /**
     * The latest version of {@code subject}; {@code registeredBy} says what registers it, for the error
     * when it is not there.
     *
     * @throws IllegalStateException when the registry cannot be read or does not hold the subject
     */
    public Latest latest(String subject, String registeredBy) {
        HttpResponse<String> latest = get("/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "/versions/latest", subject);
        if (latest.statusCode() == 404) {
            throw new IllegalStateException("the schema registry at " + registry.url() + " has no subject " + subject
                    + ": " + registeredBy);
        }
        if (latest.statusCode() != 200) {
            throw new IllegalStateException("the schema registry at " + registry.url() + " answered "
                    + latest.statusCode() + " for the latest version of " + subject + ": " + latest.body());
        }
        try {
            JsonNode answer = JSON.readTree(latest.body());
            int id = answer.path("id").asInt(-1);
            if (id < 0 || !answer.path("schema").isTextual()) {
                throw new IllegalStateException("the schema registry's answer for " + subject + " lacks its id or schema: "
                        + latest.body());
            }
            return new Latest(subject, id, answer.path("version").asText(), JSON.readTree(answer.path("schema")
                    .textValue()));
        } catch (IOException e) {
            throw new IllegalStateException("the schema registry's answer for " + subject + " is not JSON: "
                    + e.getMessage(), e);
        }
    }

    /** A subject and version under which a schema is registered. */
    public record SubjectVersion(String subject, int version) {
    }

    /**
     * The subjects and versions schema {@code id} is registered under (a message's wire format names the
     * id only); empty when the registry does not know the id.
     *
     * @throws IllegalStateException when the registry cannot be read
     */
    public java.util.List<SubjectVersion> subjectsOf(int id) {
        HttpResponse<String> answer = get("/schemas/ids/" + id + "/versions", "id " + id);
        if (answer.statusCode() == 404) {
            return java.util.List.of();
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the schema registry at " + registry.url() + " answered "
                    + answer.statusCode() + " for the versions of schema id " + id + ": " + answer.body());
        }
        try {
            java.util.List<SubjectVersion> found = new java.util.ArrayList<>();
            for (JsonNode entry : JSON.readTree(answer.body())) {
                found.add(new SubjectVersion(entry.path("subject").asText(), entry.path("version").asInt()));
            }
            return java.util.List.copyOf(found);
        } catch (IOException e) {
            throw new IllegalStateException("the schema registry's answer for schema id " + id + " is not JSON: "
                    + e.getMessage(), e);
        }
    }

    private HttpResponse<String> get(String path, String subject) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", registry.authorization())
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schema of " + subject + " from the schema registry at "
                    + registry.url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the schema of " + subject, e);
        }
    }
}
