package dev.bazaar.common.http.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.authentication.WwwAuthenticateChallenge;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/** Names the bearer scheme in a 401's {@code WWW-Authenticate}, next to the basic one Micronaut Security names. */
@Singleton
@Requires(beans = ServiceSecurity.class)
final class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    private final String challenge;

    BearerChallenge(ApplicationConfiguration application) {
        WwwAuthenticateChallenge.Builder builder = WwwAuthenticateChallenge.builder().authScheme("Bearer");
        application.getName().ifPresent(name -> builder.param("realm", name));
        this.challenge = builder.build().toString();
    }

    @Override
    public String getWwwAuthenticateChallenge(@Nullable HttpRequest<?> request) {
        return challenge;
    }
}
