package dev.bazaar.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.common.http.micronaut.ProblemResponseProcessor;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 7807 problem document ({@code application/problem+json}); {@code invalid-params} names each
 * request parameter that was refused and why, as the RFC's own example does.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail,
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    public static final String CONTENT_TYPE = ProblemResponseProcessor.CONTENT_TYPE;

    /** A problem of type {@code https://bazaar.dev/problems/<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(ProblemResponseProcessor.TYPES + slug, title, status, detail, List.of());
    }

    /** One refused parameter. */
    @Serdeable
    public record InvalidParam(String name, String reason) {
    }
}
