package dev.bazaar.console.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RegistryConnection;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The registry's subjects as the schema pages show them, read through its Confluent-compatible API as
 * the registry's read-only user (the console's {@link RegistryConnection}): no user's rights are needed
 * to read schemas, and none can be changed from here. The requests of one page go out together.
 */
@Singleton
public final class RegistrySchemas {

    /** How long one page's reads may take together. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** The level of a Confluent-compatible registry where none is set. */
    static final String DEFAULT_LEVEL = "BACKWARD";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryConnection registry;
    private final HttpClient http;

    public RegistrySchemas(RegistryConnection registry) {
        this.registry = registry;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(registry.sslContext()).build();
    }

    /** One registered version of a subject: its number, the id records are framed with, its type and text. */
    public record Version(int version, int id, String type, String schema) {

        /** The schema pretty-printed when it is JSON (JSON Schema, Avro), as registered otherwise. */
        public String pretty() {
            try {
                return JSON.readTree(schema).toPrettyString();
            } catch (IOException e) {
                return schema;
            }
        }
    }

    /**
     * The compatibility level that applies to a subject, and whether the subject sets its own. A
     * Confluent registry answers 404 for a subject without a level of its own; Apicurio answers the
     * global level then, so a level equal to the global one is shown as the global one.
     */
    public record Compatibility(String level, boolean subjectsOwn, String global) {
    }

    /** A subject with every version, oldest first. */
    public record Subject(String name, List<Version> versions, Compatibility compatibility) {

        public List<Integer> numbers() {
            return versions.stream().map(Version::version).toList();
        }
    }

    /** Every subject of the registry, by name. */
    public List<Subject> all() {
        String global = await(globalLevel());
        List<String> names = await(json("/subjects", "the subjects").thenApply(RegistrySchemas::texts));
        List<CompletableFuture<Subject>> subjects = names.stream().sorted().map(name -> subject(name, global)).toList();
        return await(CompletableFuture.allOf(subjects.toArray(CompletableFuture[]::new))
                .thenApply(done -> subjects.stream().map(CompletableFuture::join).toList()));
    }

    /**
     * The subject {@code name}.
     *
     * @throws UnknownSchemaException when the registry holds no such subject
     */
    public Subject subject(String name) {
        return await(globalLevel().thenCompose(global -> subject(name, global)));
    }

    private CompletableFuture<Subject> subject(String name, String global) {
        CompletableFuture<Compatibility> compatibility = level("/config/" + segment(name), global)
                .thenApply(level -> level == null || level.equals(global) ? new Compatibility(global, false, global)
                        : new Compatibility(level, true, global));
        return versions(name).thenCombine(compatibility, (list, level) -> new Subject(name, list, level));
    }

    /** Every version of subject {@code name}, each read with its id and schema, oldest first. */
    private CompletableFuture<List<Version>> versions(String name) {
        String path = "/subjects/" + segment(name) + "/versions";
        return json(path, "subject " + name).thenCompose(numbers -> {
            List<CompletableFuture<Version>> each = new ArrayList<>();
            for (JsonNode number : numbers) {
                each.add(json(path + "/" + number.asInt(), "version " + number.asInt() + " of subject " + name)
                        .thenApply(RegistrySchemas::version));
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> each.stream()
                    .map(CompletableFuture::join).sorted(Comparator.comparingInt(Version::version)).toList());
        });
    }

    private CompletableFuture<String> globalLevel() {
        return level("/config", null).thenApply(level -> level == null ? DEFAULT_LEVEL : level);
    }

    /** The {@code compatibilityLevel} at {@code path}, null when there is none (404). */
    private CompletableFuture<String> level(String path, String fallback) {
        return send(path).thenApply(answer -> {
            if (answer.statusCode() == 404) {
                return fallback;
            }
            return parse(expect200(answer, path), path).path("compatibilityLevel").asText(fallback);
        });
    }

    private CompletableFuture<JsonNode> json(String path, String what) {
        return send(path).thenApply(answer -> {
            if (answer.statusCode() == 404) {
                throw new UnknownSchemaException("The schema registry has no " + what + ".");
            }
            return parse(expect200(answer, path), path);
        });
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", registry.authorization())
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> expect200(HttpResponse<String> answer, String path) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the schema registry at " + registry.url() + " answered "
                    + answer.statusCode() + " for " + path + ": " + answer.body());
        }
        return answer;
    }

    private JsonNode parse(HttpResponse<String> answer, String path) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("the schema registry's answer for " + path + " is not JSON: "
                    + e.getMessage(), e);
        }
    }

    private static Version version(JsonNode answer) {
        return new Version(answer.path("version").asInt(), answer.path("id").asInt(),
                answer.path("schemaType").asText("AVRO"), answer.path("schema").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** A subject name as one path segment (a space as %20: the registry takes + literally). */
    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T await(CompletableFuture<T> reads) {
        try {
            return reads.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw unwrapped(e.getCause());
        } catch (TimeoutException e) {
            reads.cancel(true);
            throw new IllegalStateException("the schema registry at " + registry.url() + " did not answer within "
                    + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the schema registry", e);
        }
    }

    private RuntimeException unwrapped(Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("the schema registry at " + registry.url() + " could not be read: " + cause,
                cause);
    }
}
