package dev.bazaar.common.http;

import dev.bazaar.common.HttpUser;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as a handler sees it once it is let through: who called (empty: an anonymous caller of an
 * allow-listed route) and the values of the route's path parameters, taken from the canonical path
 * as sent (never decoded: a canonical path holds no percent-encoding).
 *
 * @param route the route it matched
 * @param caller the authenticated user, or empty when no credentials were sent
 * @param parameters the path parameters by name ({@code id} of {@code /products/{id}})
 */
public record RouteRequest(Route route, Optional<HttpUser> caller, Map<String, String> parameters) {

    public RouteRequest {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(caller, "caller");
        parameters = Map.copyOf(parameters);
    }

    /** The value of path parameter {@code name}. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + route + " has no parameter '" + name + "'");
        }
        return value;
    }

    /** Whether the caller is one of {@code users} (an anonymous caller never is). */
    public boolean callerIsOneOf(Collection<HttpUser> users) {
        return caller.filter(users::contains).isPresent();
    }
}
