package dev.bazaar.common;

/**
 * Who may write to shop-api: HTTP basic as user {@value #USER} or a bearer token, both generated
 * once into {@code var/secrets/} ({@code shop-api.password}, {@code shop-api-token.password}). The
 * server, the {@code shop generate} CLI, the benchmark and the tests of other modules take them from here.
 */
public final class ShopApiCredentials {

    public static final String USER = "shop";
    public static final String PASSWORD_SECRET = "shop-api";
    public static final String TOKEN_SECRET = "shop-api-token";
    /** The caller, signing in by HTTP basic, for {@link dev.bazaar.common.cli.ServiceTarget}. */
    public static final HttpUser CALLER = new HttpUser(USER, PASSWORD_SECRET);

    private ShopApiCredentials() {
    }

    /** The {@code Authorization} header of HTTP basic. */
    public static String basic(RuntimeLayout layout) {
        return BasicAuth.header(USER, layout.secrets().password(PASSWORD_SECRET));
    }

    /** The {@code Authorization} header of the bearer token. */
    public static String bearer(RuntimeLayout layout) {
        return "Bearer " + layout.secrets().password(TOKEN_SECRET);
    }
}
