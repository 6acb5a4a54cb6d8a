package dev.bazaar.shop.http;

import dev.bazaar.common.http.micronaut.ProblemResponseProcessor;
import dev.bazaar.shop.publish.InvalidRecordsException;
import dev.bazaar.shop.publish.PublishFailedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * RFC 7807 answers for what the publish path refuses; errors the framework raises itself (404, 405,
 * 413, 415, ...) are rendered as problem JSON by {@link ProblemResponses}.
 */
final class ProblemHandlers {

    static final String PROBLEM_JSON = ProblemResponseProcessor.CONTENT_TYPE;

    private ProblemHandlers() {
    }

    /** A problem document with the records it concerns. */
    @Serdeable
    record RecordsProblem(String type, String title, int status, String detail, List<?> errors, List<?> accepted) {
    }

    @Singleton
    @Produces(PROBLEM_JSON)
    @Requires(classes = {InvalidRecordsException.class, ExceptionHandler.class})
    static final class Invalid implements ExceptionHandler<InvalidRecordsException, HttpResponse<RecordsProblem>> {
        @Override
        public HttpResponse<RecordsProblem> handle(HttpRequest request, InvalidRecordsException e) {
            return ProblemResponseProcessor.respond(400, new RecordsProblem(
                    "https://bazaar.dev/problems/invalid-records", "Invalid records", 400, e.getMessage(), e.errors(),
                    List.of()));
        }
    }

    @Singleton
    @Produces(PROBLEM_JSON)
    @Requires(classes = {PublishFailedException.class, ExceptionHandler.class})
    static final class Unavailable implements ExceptionHandler<PublishFailedException, HttpResponse<RecordsProblem>> {
        @Override
        public HttpResponse<RecordsProblem> handle(HttpRequest request, PublishFailedException e) {
            return ProblemResponseProcessor.respond(503, new RecordsProblem(
                    "https://bazaar.dev/problems/kafka-unavailable", "Kafka unavailable", 503,
                    e.getMessage() + "; the acknowledged ones are stored, the others may be sent again", e.failed(),
                    e.accepted())).header("Retry-After", "5");
        }
    }
}
