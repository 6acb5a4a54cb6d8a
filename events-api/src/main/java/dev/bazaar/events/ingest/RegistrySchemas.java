package dev.bazaar.events.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.events.EventKind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each kind's schema and id from the schema registry at start (the Confluent-compatible API:
 * the latest version of subject {@code <topic>-<kind>}, whose {@code id} is the content id the
 * platform's serdes frame records with). A subject that is not registered stops the service, saying
 * that setup registers it: without the id no record could be read back.
 */
public final class RegistrySchemas {

    private static final Logger log = LoggerFactory.getLogger(RegistrySchemas.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final RegistryConnection registry;
    private final HttpClient http;

    public RegistrySchemas(RegistryConnection registry) {
        this.registry = registry;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(registry.sslContext()).build();
    }

    /** The schema of {@code kind} for records of {@code topic}, as the registry holds its latest version. */
    public KindSchema load(EventKind kind, String topic) {
        String subject = kind.subject(topic);
        HttpResponse<String> latest = get("/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "/versions/latest", subject);
        if (latest.statusCode() == 404) {
            throw new IllegalStateException("the schema registry at " + registry.url() + " has no subject " + subject
                    + ": './bazaar setup apply' (run by './bazaar up') registers setup/schemas/events/" + kind.id()
                    + ".json under it");
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
            KindSchema schema = new KindSchema(kind, subject, id, JSON.readTree(answer.path("schema").textValue()));
            log.info("event kind {}: schema {} version {} (id {}), date-time fields {}", kind, subject,
                    answer.path("version").asText(), id, schema.dateTimeFields());
            return schema;
        } catch (IOException e) {
            throw new IllegalStateException("the schema registry's answer for " + subject + " is not JSON: "
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
