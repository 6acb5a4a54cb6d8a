package dev.bazaar.client.http;

import dev.bazaar.common.ClientApiCredentials;
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
 * Renders every error the framework answers by itself (404, 405, 500, ...) as RFC 7807 problem
 * JSON, and so the refusals of Micronaut Security: 401 (no valid credentials; its handler adds the
 * {@code WWW-Authenticate} challenges) and 403 (a user whose role may not call the route).
 */
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problem = (MutableHttpResponse<Problem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        return problem.contentType(MediaType.of(Problem.CONTENT_TYPE)).body(context.getRootCause()
                .filter(AuthorizationException.class::isInstance).map(AuthorizationException.class::cast)
                .map(refusal -> refused(context.getRequest(), refusal))
                .orElseGet(() -> framework(context, response)));
    }

    private static Problem framework(ErrorContext context, MutableHttpResponse<?> response) {
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return new Problem("about:blank", response.reason(), response.code(),
                detail.isBlank() ? response.reason() : detail, List.of());
    }

    private static Problem refused(HttpRequest<?> request, AuthorizationException refusal) {
        if (refusal.isForbidden()) {
            return Problem.of("forbidden", "Forbidden", 403, "user '" + refusal.getAuthentication().getName()
                    + "' may not " + request.getMethodName() + " " + request.getPath());
        }
        return Problem.of("unauthorized", "Unauthorized", 401, request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                ? "the credentials are not valid"
                : "credentials are required: HTTP basic (user " + ClientApiCredentials.USER + ") or a bearer token");
    }
}
