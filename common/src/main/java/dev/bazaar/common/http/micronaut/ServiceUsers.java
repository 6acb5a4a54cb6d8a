package dev.bazaar.common.http.micronaut;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.authentication.Authentication;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of a service and their roles: its caller ({@link ServiceSecurity}), Prometheus and the
 * admin, read from the platform's secrets once at start (so that the caller's password and token
 * exist before a client looks for them). Passwords and the token are kept and compared as SHA-256
 * digests in constant time. The routes each role may call are in the service's
 * {@code micronaut.security.intercept-url-map} (application.yml); anything not listed is the admin's only.
 */
@Context
@Requires(beans = ServiceSecurity.class)
public final class ServiceUsers {

    /** Reads {@code /prometheus}: Prometheus' scrape credential. */
    public static final String ROLE_METRICS = "metrics";
    /** Every route. */
    public static final String ROLE_ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(ServiceUsers.class);
    private static final byte[] NOBODY = digest("no such user");

    private final Map<String, User> users;
    private final byte[] token;
    private final String caller;
    private final String role;

    ServiceUsers(ServiceSecurity service, RuntimeLayout layout) {
        this.caller = service.caller().name();
        this.role = service.role();
        this.users = Map.of(
                caller, user(service.caller().password(layout), role),
                HttpUser.METRICS.name(), user(HttpUser.METRICS.password(layout), ROLE_METRICS),
                HttpUser.ADMIN.name(), user(HttpUser.ADMIN.password(layout), ROLE_ADMIN));
        this.token = digest(layout.secrets().password(service.tokenSecret()));
        log.info("{} users: {}", service.identity(), users.keySet());
    }

    /** The user {@code name} when {@code password} is its password. */
    Optional<Authentication> password(String name, String password) {
        User user = users.get(name);
        boolean matches = MessageDigest.isEqual(digest(password), user == null ? NOBODY : user.digest());
        return matches && user != null ? Optional.of(Authentication.build(name, user.roles())) : Optional.empty();
    }

    /** The caller when {@code bearer} is its token. */
    Optional<Authentication> token(String bearer) {
        return MessageDigest.isEqual(digest(bearer), token)
                ? Optional.of(Authentication.build(caller, List.of(role))) : Optional.empty();
    }

    private static User user(String password, String role) {
        return new User(digest(password), List.of(role));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private record User(byte[] digest, List<String> roles) {
    }
}
