package dev.bazaar.client.http;

import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.common.RuntimeLayout;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Search and recommendations require the credentials of {@link ClientApiCredentials}: HTTP basic or
 * the bearer token. Both stand for the user {@value ClientApiCredentials#USER}, which the request
 * carries on as its authenticated user. Health, metrics and the OpenAPI document stay open.
 */
@Context
@ServerFilter({"/search", "/search/**", "/recommendations", "/recommendations/**"})
final class ClientAuthFilter {

    /** The request attribute holding the authenticated user. */
    static final String USER = "bazaar.client.user";

    private final byte[] basic;
    private final byte[] bearer;

    ClientAuthFilter(RuntimeLayout layout) {
        this.basic = ClientApiCredentials.basic(layout).getBytes(StandardCharsets.UTF_8);
        this.bearer = ClientApiCredentials.bearer(layout).getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && (matches(header, basic) || matches(header, bearer))) {
            request.setAttribute(USER, ClientApiCredentials.USER);
            return null;
        }
        return ProblemHandlers.respond(Problem.of("unauthorized", "Unauthorized", 401, header == null
                        ? "credentials are required: HTTP basic (user " + ClientApiCredentials.USER + ") or a bearer token"
                        : "the credentials are not valid"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"client-api\", Bearer");
    }

    /** The authenticated user of {@code request}, set by this filter. */
    static String user(HttpRequest<?> request) {
        return request.getAttribute(USER, String.class).orElse(ClientApiCredentials.USER);
    }

    private static boolean matches(String header, byte[] expected) {
        return MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8), expected);
    }
}
