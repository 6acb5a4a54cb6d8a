package dev.bazaar.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Refusals as RFC 9457 problem details. */
class ProblemTest {

    @Test
    void aProblemHasTypeTitleStatusAndDetail() {
        Response response = Problem.forbidden("user ops may not call GET /prometheus");

        assertThat(response.status()).as("status").isEqualTo(403);
        assertThat(response.contentType()).as("content type").isEqualTo("application/problem+json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).as("body").isEqualTo("{\"type\":\"about:blank\","
                + "\"title\":\"Forbidden\",\"status\":403,\"detail\":\"user ops may not call GET /prometheus\"}");
    }

    @Test
    void theChallengeNamesTheServiceAsRealm() {
        assertThat(Problem.unauthorized("stream-filter", "x").headers()).as("headers")
                .containsEntry("WWW-Authenticate", "Basic realm=\"stream-filter\"");
        assertThat(Problem.methodNotAllowed("GET", "x").headers()).as("headers").containsEntry("Allow", "GET");
    }

    @Test
    void textIsEscapedAsJson() {
        assertThat(Problem.escape("a \"b\" \\ c\n\u0001")).as("escaped").isEqualTo("a \\\"b\\\" \\\\ c\\u000a\\u0001");
    }
}
