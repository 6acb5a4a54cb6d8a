package dev.bazaar.client.http;

import dev.bazaar.client.InvalidParameterException;
import dev.bazaar.client.catalog.CatalogUnavailableException;
import dev.bazaar.client.recommend.NoRecommendationsException;
import dev.bazaar.client.search.SearchNotRecordedException;
import dev.bazaar.common.http.micronaut.ProblemResponseProcessor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * RFC 7807 answers for what client-api refuses or cannot serve; errors the framework raises itself
 * (404 of an unknown path, 405, 500, ...) are rendered as problem JSON by {@link ProblemResponses}.
 */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> respond(Problem problem) {
        return ProblemResponseProcessor.respond(problem.status(), problem);
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    @Requires(classes = {InvalidParameterException.class, ExceptionHandler.class})
    static final class InvalidParameter implements ExceptionHandler<InvalidParameterException, HttpResponse<Problem>> {
        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<Problem> handle(HttpRequest request, InvalidParameterException e) {
            return respond(new Problem("https://bazaar.dev/problems/invalid-parameter", "Invalid parameter", 400,
                    e.getMessage(), List.of(new Problem.InvalidParam(e.parameter(), e.reason()))));
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    @Requires(classes = {NoRecommendationsException.class, ExceptionHandler.class})
    static final class NoRecommendations implements ExceptionHandler<NoRecommendationsException, HttpResponse<Problem>> {
        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<Problem> handle(HttpRequest request, NoRecommendationsException e) {
            return respond(Problem.of("no-recommendations", "No recommendations", 404, e.getMessage()));
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    @Requires(classes = {CatalogUnavailableException.class, ExceptionHandler.class})
    static final class CatalogUnavailable implements ExceptionHandler<CatalogUnavailableException, HttpResponse<Problem>> {
        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<Problem> handle(HttpRequest request, CatalogUnavailableException e) {
            return respond(Problem.of("catalog-unavailable", "Catalog unavailable", 503, e.getMessage()))
                    .header("Retry-After", "5");
        }
    }

    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    @Requires(classes = {SearchNotRecordedException.class, ExceptionHandler.class})
    static final class NotRecorded implements ExceptionHandler<SearchNotRecordedException, HttpResponse<Problem>> {
        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<Problem> handle(HttpRequest request, SearchNotRecordedException e) {
            return respond(Problem.of("search-not-recorded", "Search not recorded", 503, e.getMessage()))
                    .header("Retry-After", "5");
        }
    }
}
