package dev.bazaar.shop.http;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/** Renders every error the framework answers by itself (413, 415, 404, 405, 500, ...) as RFC 7807 problem JSON. */
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<ProblemHandlers.RecordsProblem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ProblemHandlers.RecordsProblem> processResponse(ErrorContext context,
            MutableHttpResponse<?> response) {
        MutableHttpResponse<ProblemHandlers.RecordsProblem> problem = (MutableHttpResponse<ProblemHandlers.RecordsProblem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        int status = response.code();
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return problem.contentType(MediaType.of(ProblemHandlers.PROBLEM_JSON))
                .body(new ProblemHandlers.RecordsProblem("about:blank", response.reason(), status,
                        detail.isBlank() ? response.reason() : detail, List.of(), List.of()));
    }
}
