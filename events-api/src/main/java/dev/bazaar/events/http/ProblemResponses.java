package dev.bazaar.events.http;

import dev.bazaar.common.EventsApiCredentials;
import dev.bazaar.common.http.micronaut.ProblemResponseProcessor;
import dev.bazaar.events.ingest.IngestMetrics;
import dev.bazaar.events.ingest.Reason;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;

/**
 * Renders every error the framework answers by itself (404, 405, 413 of a body over
 * {@code micronaut.server.max-request-size}, 415 of a body that is not JSON, 500, ...) as RFC 7807
 * problem JSON, and so the refusals of Micronaut Security: 401 (no valid credentials; its handler
 * adds the {@code WWW-Authenticate} challenges) and 403, as {@link ProblemResponseProcessor} does for
 * every service. A 413 or 415 of an ingest path counts as a rejected event of its kind, and says that
 * nothing was published.
 */
@Singleton
final class ProblemResponses extends ProblemResponseProcessor<Problem> {

    private final IngestMetrics metrics;

    ProblemResponses(IngestMetrics metrics) {
        super(EventsApiCredentials.USER);
        this.metrics = metrics;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        count(context.getRequest(), response.code());
        return super.processResponse(context, response);
    }

    @Override
    protected Problem problem(String type, String title, int status, String detail) {
        return Problem.plain(type, title, status, detail);
    }

    @Override
    protected String detail(ErrorContext context, MutableHttpResponse<?> response) {
        return switch (response.code()) {
            case 413 -> "the body is larger than the limit of a request (micronaut.server.max-request-size, 1 MiB); "
                    + "nothing was published";
            case 415 -> "the body must be application/json, was " + context.getRequest().getContentType()
                    .map(MediaType::toString).orElse("without a Content-Type") + "; nothing was published";
            default -> super.detail(context, response);
        };
    }

    private void count(HttpRequest<?> request, int status) {
        if (status == 413 || status == 415) {
            Routes.kindOf(request).ifPresent(kind -> metrics.rejected(kind,
                    status == 413 ? Reason.TOO_LARGE : Reason.UNSUPPORTED_MEDIA_TYPE));
        }
    }
}
