package dev.bazaar.common.http.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

/** HTTP basic: a user of {@link ServiceUsers} with its password. */
@Singleton
@Requires(beans = ServiceSecurity.class)
final class PasswordAuthentication<B> implements HttpRequestAuthenticationProvider<B> {

    private final ServiceUsers users;

    PasswordAuthentication(ServiceUsers users) {
        this.users = users;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
            AuthenticationRequest<String, String> credentials) {
        return users.password(credentials.getIdentity(), credentials.getSecret())
                .map(user -> AuthenticationResponse.success(user.getName(), user.getRoles()))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
