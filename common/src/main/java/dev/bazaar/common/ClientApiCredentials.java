package dev.bazaar.common;

/**
 * Who may call client-api: HTTP basic as user {@value #USER} or a bearer token, both generated
 * once into {@code var/secrets/} ({@code client-api.password}, {@code client-api-token.password}).
 * The server, the {@code client} CLI and the tests of other modules take them from here.
 */
public final class ClientApiCredentials {

    public static final String USER = "client";
    public static final String PASSWORD_SECRET = "client-api";
    public static final String TOKEN_SECRET = "client-api-token";
    /** The caller, signing in by HTTP basic: as the service checks it and as its clients send it. */
    public static final HttpUser CALLER = new HttpUser(USER, PASSWORD_SECRET);

    private ClientApiCredentials() {
    }

    /** The {@code Authorization} header of HTTP basic (generates the password when it does not exist yet). */
    public static String basic(RuntimeLayout layout) {
        return CALLER.basic(layout);
    }

    /** The {@code Authorization} header of the bearer token (generates the token when it does not exist yet). */
    public static String bearer(RuntimeLayout layout) {
        return "Bearer " + layout.secrets().password(TOKEN_SECRET);
    }

    /**
     * Whether client-api generated its password already: a client checks this first, so that it
     * does not generate a password the running service does not know.
     */
    public static boolean exist(RuntimeLayout layout) {
        return layout.secrets().exists(PASSWORD_SECRET);
    }
}
