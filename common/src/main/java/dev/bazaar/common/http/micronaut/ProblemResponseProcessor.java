package dev.bazaar.common.http.micronaut;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import java.util.stream.Collectors;

/**
 * Renders every error a Micronaut service's framework answers by itself (404, 405, 413, 415, 500, ...) as
 * RFC 7807 problem JSON ({@value #CONTENT_TYPE}), and so the refusals of Micronaut Security: 401 (no valid
 * credentials; its handler adds the {@code WWW-Authenticate} challenges) and 403 (a user whose role may not
 * call the route). A HEAD answer keeps no body. A service makes it a bean for its own problem document, which
 * stays the service's: each names different things beyond type, title, status and detail.
 *
 * @param <P> the service's problem document
 */
public abstract class ProblemResponseProcessor<P> implements ErrorResponseProcessor<P> {

    public static final String CONTENT_TYPE = "application/problem+json";
    /** The prefix of the platform's problem types: {@code https://bazaar.dev/problems/<slug>}. */
    public static final String TYPES = "https://bazaar.dev/problems/";

    private final String basicUser;

    /**
     * @param basicUser the user a 401 tells the caller to sign in as with HTTP basic, or null to name none
     */
    protected ProblemResponseProcessor(String basicUser) {
        this.basicUser = basicUser;
    }

    /** {@code problem} as the response's body, with its status and content type. */
    public static <P> MutableHttpResponse<P> respond(int status, P problem) {
        return HttpResponse.<P>status(HttpStatus.valueOf(status)).contentType(MediaType.of(CONTENT_TYPE)).body(problem);
    }

    /** The service's problem document with these members and nothing else. */
    protected abstract P problem(String type, String title, int status, String detail);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<P> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<P> problem = (MutableHttpResponse<P>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        return problem.contentType(MediaType.of(CONTENT_TYPE)).body(context.getRootCause()
                .filter(AuthorizationException.class::isInstance).map(AuthorizationException.class::cast)
                .map(refusal -> refused(context.getRequest(), refusal))
                .orElseGet(() -> problem("about:blank", response.reason(), response.code(), detail(context, response))));
    }

    /** The detail of an error the framework answered: its errors' messages, or else the reason phrase. */
    protected String detail(ErrorContext context, MutableHttpResponse<?> response) {
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return detail.isBlank() ? response.reason() : detail;
    }

    private P refused(HttpRequest<?> request, AuthorizationException refusal) {
        if (refusal.isForbidden()) {
            return problem(TYPES + "forbidden", "Forbidden", 403, "user '" + refusal.getAuthentication().getName()
                    + "' may not " + request.getMethodName() + " " + request.getPath());
        }
        return problem(TYPES + "unauthorized", "Unauthorized", 401, request.getHeaders()
                .contains(HttpHeaders.AUTHORIZATION) ? "the credentials are not valid"
                : "credentials are required: HTTP basic" + (basicUser == null ? "" : " (user " + basicUser + ")")
                        + " or a bearer token");
    }
}
