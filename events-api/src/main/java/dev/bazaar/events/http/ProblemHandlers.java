package dev.bazaar.events.http;

import dev.bazaar.common.http.micronaut.ProblemResponseProcessor;
import dev.bazaar.events.ingest.InvalidEventsException;
import dev.bazaar.events.ingest.PublishFailedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * RFC 7807 answers for what the ingest refuses or cannot do; errors the framework raises itself
 * (401, 404, 405, 413 of a body over 1 MiB, 415, 500, ...) are rendered as problem JSON by
 * {@link ProblemResponses}.
 */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> respond(Problem problem) {
        return ProblemResponseProcessor.respond(problem.status(), problem);
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    @Requires(classes = {InvalidEventsException.class, ExceptionHandler.class})
    static final class InvalidEvents implements ExceptionHandler<InvalidEventsException, HttpResponse<Problem>> {
        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<Problem> handle(HttpRequest request, InvalidEventsException e) {
            Problem problem = e.status() == 413
                    ? Problem.of("event-too-large", "Event too large", 413, e.getMessage())
                    : Problem.of("invalid-events", "Invalid events", 400, e.getMessage());
            return respond(problem.withErrors(e.errors()));
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    @Requires(classes = {InvalidKindException.class, ExceptionHandler.class})
    static final class InvalidKind implements ExceptionHandler<InvalidKindException, HttpResponse<Problem>> {
        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<Problem> handle(HttpRequest request, InvalidKindException e) {
            return respond(new Problem("https://bazaar.dev/problems/invalid-parameter", "Invalid parameter", 400,
                    e.getMessage() + "; nothing was published", List.of(),
                    List.of(new Problem.InvalidParam(Routes.KIND, e.getMessage())), List.of()));
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    @Requires(classes = {PublishFailedException.class, ExceptionHandler.class})
    static final class NotAcknowledged implements ExceptionHandler<PublishFailedException, HttpResponse<Problem>> {
        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<Problem> handle(HttpRequest request, PublishFailedException e) {
            return respond(new Problem("https://bazaar.dev/problems/kafka-unavailable", "Kafka unavailable", 503,
                    e.getMessage() + "; the acknowledged ones are stored, sending all again is safe (a copy has the "
                            + "same key)", e.failed(), List.of(), e.acknowledged()))
                    .header("Retry-After", "5");
        }
    }
}
