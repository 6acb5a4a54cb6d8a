package dev.bazaar.shop.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders every error the framework answers by itself (413, 415, 404, 405, 500, ...) as RFC 7807
 * problem JSON, and so the refusals of Micronaut Security: 401 (no valid credentials; its handler
 * adds the {@code WWW-Authenticate} challenges) and 403 (a user whose role may not call the route).
 */
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<ProblemHandlers.RecordsProblem> {

    private static final String TYPES = "https://bazaar.dev/problems/";

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ProblemHandlers.RecordsProblem> processResponse(ErrorContext context,
            MutableHttpResponse<?> response) {
        MutableHttpResponse<ProblemHandlers.RecordsProblem> problem = (MutableHttpResponse<ProblemHandlers.RecordsProblem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        return problem.contentType(MediaType.of(ProblemHandlers.PROBLEM_JSON)).body(context.getRootCause()
                .filter(AuthorizationException.class::isInstance).map(AuthorizationException.class::cast)
                .map(refusal -> refused(context.getRequest(), refusal))
                .orElseGet(() -> framework(context, response)));
    }

    private static ProblemHandlers.RecordsProblem framework(ErrorContext context, MutableHttpResponse<?> response) {
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return new ProblemHandlers.RecordsProblem("about:blank", response.reason(), response.code(),
                detail.isBlank() ? response.reason() : detail, List.of(), List.of());
    }

    private static ProblemHandlers.RecordsProblem refused(HttpRequest<?> request, AuthorizationException refusal) {
        if (refusal.isForbidden()) {
            return new ProblemHandlers.RecordsProblem(TYPES + "forbidden", "Forbidden", 403, "user '"
                    + refusal.getAuthentication().getName() + "' may not " + request.getMethodName() + " "
                    + request.getPath(), List.of(), List.of());
        }
        return new ProblemHandlers.RecordsProblem(TYPES + "unauthorized", "Unauthorized", 401,
                request.getHeaders().contains(HttpHeaders.AUTHORIZATION) ? "the credentials are not valid"
                        : "credentials are required: HTTP basic or a bearer token", List.of(), List.of());
    }
}
