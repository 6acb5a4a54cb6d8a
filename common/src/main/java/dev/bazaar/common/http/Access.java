package dev.bazaar.common.http;

import dev.bazaar.common.HttpUser;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call a route: the users named, and a request without credentials only when the route is
 * on the documented anonymous allow-list (a liveness probe). Nobody else: a valid user not named is
 * refused (403), as is a request without credentials on any other route (401).
 *
 * @param anonymous whether a request without credentials may call the route
 * @param users the users who may call it with their credentials
 */
public record Access(boolean anonymous, Set<HttpUser> users) {

    public Access {
        users = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(users, "users")));
        if (!anonymous && users.isEmpty()) {
            throw new IllegalArgumentException("a route nobody may call is no route: name at least one user");
        }
    }

    /** These users only, with their credentials. */
    public static Access users(HttpUser... users) {
        return new Access(false, new LinkedHashSet<>(Arrays.asList(users)));
    }

    /** Anyone without credentials, and these users with theirs (a handler may show them more). */
    public static Access anonymousOr(HttpUser... users) {
        return new Access(true, new LinkedHashSet<>(Arrays.asList(users)));
    }

    /** Whether {@code caller} (empty: no credentials sent) may call the route. */
    public boolean allows(Optional<HttpUser> caller) {
        return caller.map(users::contains).orElse(anonymous);
    }
}
