package dev.bazaar.client.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

/** HTTP basic: a user of {@link ClientUsers} with its password. */
@Singleton
final class PasswordAuthentication<B> implements HttpRequestAuthenticationProvider<B> {

    private final ClientUsers users;

    PasswordAuthentication(ClientUsers users) {
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
