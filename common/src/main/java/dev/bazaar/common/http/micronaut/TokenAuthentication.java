package dev.bazaar.common.http.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** {@code Authorization: Bearer <token>}: the caller's opaque token (a generated secret, not a JWT). */
@Singleton
@Requires(beans = ServiceSecurity.class)
final class TokenAuthentication implements TokenValidator<HttpRequest<?>> {

    private final ServiceUsers users;

    TokenAuthentication(ServiceUsers users) {
        this.users = users;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        return users.token(token).map(Publishers::just).orElseGet(Publishers::empty);
    }
}
