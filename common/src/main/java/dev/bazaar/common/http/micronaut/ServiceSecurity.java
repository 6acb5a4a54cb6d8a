package dev.bazaar.common.http.micronaut;

import dev.bazaar.common.HttpUser;
import java.util.Objects;

/**
 * What a Micronaut service declares (a bean of its own factory) to get the platform's HTTP security
 * from this package: HTTPS with the keystore issued for {@code identity}, and its one caller, who
 * signs in by password or bearer token and holds {@code role}. Prometheus and the admin are every
 * service's users ({@link ServiceUsers}); which role may call which route stays in the service's
 * {@code micronaut.security.intercept-url-map}.
 *
 * @param identity the name of its keystore ({@code var/ssl/<identity>.p12}), also named in its log
 * @param caller its caller's user name and the secret holding the password
 * @param tokenSecret the secret holding the caller's bearer token
 * @param role the caller's role, as the service's routes' rules name it
 */
public record ServiceSecurity(String identity, HttpUser caller, String tokenSecret, String role) {

    public ServiceSecurity {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        Objects.requireNonNull(role, "role");
    }
}
