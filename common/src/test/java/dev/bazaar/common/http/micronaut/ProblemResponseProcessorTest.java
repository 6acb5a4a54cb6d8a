package dev.bazaar.common.http.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import org.junit.jupiter.api.Test;

/** The problem JSON a service answers for what its framework and Micronaut Security refuse. */
class ProblemResponseProcessorTest {

    /** A service's problem document, reduced to the four members. */
    record TestProblem(String type, String title, int status, String detail) {
    }

    private static final class TestProblems extends ProblemResponseProcessor<TestProblem> {

        TestProblems(String basicUser) {
            super(basicUser);
        }

        @Override
        protected TestProblem problem(String type, String title, int status, String detail) {
            return new TestProblem(type, title, status, detail);
        }
    }

    @Test
    void aFrameworkErrorIsAboutBlankWithItsMessagesOrItsReason() {
        // given
        HttpRequest<?> request = HttpRequest.GET("/nothing");
        ErrorContext withMessages = ErrorContext.builder(request).errorMessage("Page Not Found").errorMessage("really")
                .build();

        // when
        TestProblem problem = body(new TestProblems("caller").processResponse(withMessages, status(HttpStatus.NOT_FOUND)));
        TestProblem bare = body(new TestProblems("caller").processResponse(ErrorContext.builder(request).build(),
                status(HttpStatus.METHOD_NOT_ALLOWED)));

        // then
        assertThat(problem).as("with messages")
                .isEqualTo(new TestProblem("about:blank", "Not Found", 404, "Page Not Found; really"));
        assertThat(bare).as("without").isEqualTo(new TestProblem("about:blank", "Method Not Allowed", 405,
                "Method Not Allowed"));
    }

    @Test
    void a401SaysWhoToSignInAsOrThatTheCredentialsAreNotValid() {
        // given
        ErrorContext anonymous = refused(HttpRequest.GET("/things"), null);
        ErrorContext wrongPassword = refused(HttpRequest.GET("/things").header(HttpHeaders.AUTHORIZATION, "Basic x"),
                null);

        // then
        assertThat(body(new TestProblems("caller").processResponse(anonymous, status(HttpStatus.UNAUTHORIZED))))
                .as("anonymous, a named user").isEqualTo(new TestProblem("https://bazaar.dev/problems/unauthorized",
                        "Unauthorized", 401, "credentials are required: HTTP basic (user caller) or a bearer token"));
        assertThat(body(new TestProblems(null).processResponse(anonymous, status(HttpStatus.UNAUTHORIZED))).detail())
                .as("anonymous, no user named").isEqualTo("credentials are required: HTTP basic or a bearer token");
        assertThat(body(new TestProblems("caller").processResponse(wrongPassword, status(HttpStatus.UNAUTHORIZED)))
                .detail()).as("wrong password").isEqualTo("the credentials are not valid");
    }

    @Test
    void a403NamesTheUserTheMethodAndThePath() {
        // given
        ErrorContext forbidden = refused(HttpRequest.POST("/things", ""), Authentication.build("ops"));

        // then
        assertThat(body(new TestProblems("caller").processResponse(forbidden, status(HttpStatus.FORBIDDEN))))
                .as("problem").isEqualTo(new TestProblem("https://bazaar.dev/problems/forbidden", "Forbidden", 403,
                        "user 'ops' may not POST /things"));
    }

    @Test
    void aHeadAnswerHasNoBody() {
        // given
        ErrorContext head = ErrorContext.builder(HttpRequest.HEAD("/nothing")).errorMessage("Page Not Found").build();

        // when
        MutableHttpResponse<TestProblem> response = new TestProblems("caller").processResponse(head,
                status(HttpStatus.NOT_FOUND));

        // then
        assertThat(response.getBody()).as("body").isEmpty();
    }

    @Test
    void respondSetsTheStatusAndTheContentType() {
        MutableHttpResponse<TestProblem> response = ProblemResponseProcessor.respond(503,
                new TestProblem("https://bazaar.dev/problems/x", "X", 503, "x"));

        assertThat(response.code()).as("status").isEqualTo(503);
        assertThat(response.getContentType()).as("content type").hasValueSatisfying(type ->
                assertThat(type.toString()).isEqualTo(ProblemResponseProcessor.CONTENT_TYPE));
    }

    private static ErrorContext refused(HttpRequest<?> request, Authentication authentication) {
        return ErrorContext.builder(request).cause(new AuthorizationException(authentication)).build();
    }

    private static MutableHttpResponse<?> status(HttpStatus status) {
        return HttpResponse.status(status);
    }

    private static TestProblem body(MutableHttpResponse<TestProblem> response) {
        assertThat(response.getContentType()).as("content type").hasValueSatisfying(type ->
                assertThat(type.toString()).isEqualTo(ProblemResponseProcessor.CONTENT_TYPE));
        return response.getBody().orElseThrow();
    }
}
