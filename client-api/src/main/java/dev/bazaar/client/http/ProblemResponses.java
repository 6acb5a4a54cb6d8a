package dev.bazaar.client.http;

import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.http.micronaut.ProblemResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Renders every error the framework answers by itself (404, 405, 500, ...) as RFC 7807 problem
 * JSON, and so the refusals of Micronaut Security: 401 (no valid credentials; its handler adds the
 * {@code WWW-Authenticate} challenges) and 403 (a user whose role may not call the route), as
 * {@link ProblemResponseProcessor} does for every service.
 */
@Singleton
final class ProblemResponses extends ProblemResponseProcessor<Problem> {

    ProblemResponses() {
        super(ClientApiCredentials.USER);
    }

    @Override
    protected Problem problem(String type, String title, int status, String detail) {
        return new Problem(type, title, status, detail, List.of());
    }
}
