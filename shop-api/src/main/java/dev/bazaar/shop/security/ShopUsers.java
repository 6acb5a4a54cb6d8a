package dev.bazaar.shop.security;

import dev.bazaar.common.HttpUser;
import dev.bazaar.common.RuntimeLayout;
import dev.bazaar.common.ShopApiCredentials;
import io.micronaut.context.annotation.Context;
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
 * The users of shop-api and their roles, read from the platform's secrets once at start (so that
 * the shop's password and token exist before a client looks for them). Passwords and the token are
 * kept and compared as SHA-256 digests in constant time. The routes each role may call are in
 * {@code micronaut.security.intercept-url-map} (application.yml); anything not listed is the admin's only.
 */
@Context
public final class ShopUsers {

    /** Publishes items and orders: user {@value ShopApiCredentials#USER}, by password or bearer token. */
    public static final String ROLE_SHOP = "shop";
    /** Reads {@code /prometheus}: Prometheus' scrape credential. */
    public static final String ROLE_METRICS = "metrics";
    /** Every route. */
    public static final String ROLE_ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(ShopUsers.class);
    private static final byte[] NOBODY = digest("no such user");

    private final Map<String, User> users;
    private final byte[] token;

    ShopUsers(RuntimeLayout layout) {
        this.users = Map.of(
                ShopApiCredentials.USER, user(layout.secrets().password(ShopApiCredentials.PASSWORD_SECRET), ROLE_SHOP),
                HttpUser.METRICS.name(), user(HttpUser.METRICS.password(layout), ROLE_METRICS),
                HttpUser.ADMIN.name(), user(HttpUser.ADMIN.password(layout), ROLE_ADMIN));
        this.token = digest(layout.secrets().password(ShopApiCredentials.TOKEN_SECRET));
        log.info("shop-api users: {}", users.keySet());
    }

    /** The user {@code name} when {@code password} is its password. */
    Optional<Authentication> password(String name, String password) {
        User user = users.get(name);
        boolean matches = MessageDigest.isEqual(digest(password), user == null ? NOBODY : user.digest());
        return matches && user != null ? Optional.of(Authentication.build(name, user.roles())) : Optional.empty();
    }

    /** The shop when {@code bearer} is its token. */
    Optional<Authentication> token(String bearer) {
        return MessageDigest.isEqual(digest(bearer), token)
                ? Optional.of(Authentication.build(ShopApiCredentials.USER, List.of(ROLE_SHOP))) : Optional.empty();
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
