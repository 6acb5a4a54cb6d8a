package dev.bazaar.shop.http;

import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.ShopApiCredentials;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Write endpoints require the credentials of {@link ShopApiCredentials}: HTTP basic or a bearer token. */
@Context
@ServerFilter(value = {"/items", "/orders"}, methods = HttpMethod.POST)
final class WriteAuthFilter {

    private final byte[] basic;
    private final byte[] bearer;

    WriteAuthFilter(RuntimeLayout layout) {
        this.basic = ShopApiCredentials.basic(layout).getBytes(StandardCharsets.UTF_8);
        this.bearer = ShopApiCredentials.bearer(layout).getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && (matches(header, basic) || matches(header, bearer))) {
            return null;
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"shop-api\", Bearer")
                .contentType(MediaType.of(ProblemHandlers.PROBLEM_JSON))
                .body(new ProblemHandlers.RecordsProblem("https://bazaar.dev/problems/unauthorized", "Unauthorized", 401,
                        header == null ? "credentials are required: HTTP basic or a bearer token"
                                : "the credentials are not valid", List.of(), List.of()));
    }

    private static boolean matches(String header, byte[] expected) {
        return MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8), expected);
    }
}
