package dev.bazaar.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistryUser;
import dev.bazaar.common.RuntimeLayout;
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
 * A subject of one test run in the real registry, registered as a producing service does (the
 * developer user, through the Confluent-compatible API), with two compatible versions: the second
 * adds an optional field, which BACKWARD allows because the first admits no other field.
 */
final class TestSubjects {

    static final String FIRST = """
            {"$schema": "http://json-schema.org/draft-07/schema#", "title": "Note", "type": "object",
             "additionalProperties": false, "properties": {"id": {"type": "string"}}, "required": ["id"]}""";
    static final String SECOND = """
            {"$schema": "http://json-schema.org/draft-07/schema#", "title": "Note", "type": "object",
             "additionalProperties": false, "properties": {"id": {"type": "string"}, "text": {"type": "string"}},
             "required": ["id"]}""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestSubjects() {
    }

    /** Registers {@link #FIRST} then {@link #SECOND} under {@code subject}; their schema ids, in that order. */
    static List<Integer> withTwoVersions(RuntimeLayout layout, String subject) throws Exception {
        RegistryConnection developer = RegistryConnection.embedded(layout, RegistryUser.DEVELOPER);
        return List.of(register(developer, subject, FIRST), register(developer, subject, SECOND));
    }

    private static int register(RegistryConnection developer, String subject, String schema) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(developer.sslContext()).connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(developer.ccompatUrl() + "/subjects/"
                        + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions")).timeout(TIMEOUT)
                .header("Authorization", developer.authorization())
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schemaType", "JSON",
                        "schema", schema)))).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("registering a version of %s: %s", subject, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("id").asInt();
    }
}
