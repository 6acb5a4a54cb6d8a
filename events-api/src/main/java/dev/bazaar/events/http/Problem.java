package dev.bazaar.events.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.common.http.micronaut.ProblemResponseProcessor;
import dev.bazaar.events.ingest.FieldError;
import dev.bazaar.events.ingest.PublishedEvent;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 7807 problem document ({@code application/problem+json}). {@code errors} names each refused
 * event by its index in the request and the field (a JSONPath); {@code invalid-params} a refused query
 * parameter; {@code acknowledged} the events Kafka stored when not all were.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams, List<PublishedEvent> acknowledged) {

    public static final String CONTENT_TYPE = ProblemResponseProcessor.CONTENT_TYPE;

    /** A problem of type {@code https://bazaar.dev/problems/<slug>} without details. */
    public static Problem of(String slug, String title, int status, String detail) {
        return plain(ProblemResponseProcessor.TYPES + slug, title, status, detail);
    }

    /** A problem of {@code type} without details. */
    static Problem plain(String type, String title, int status, String detail) {
        return new Problem(type, title, status, detail, List.of(), List.of(), List.of());
    }

    /** The same problem naming the events and fields it concerns. */
    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, invalidParams, acknowledged);
    }

    /** One refused query parameter. */
    @Serdeable
    public record InvalidParam(String name, String reason) {
    }
}
