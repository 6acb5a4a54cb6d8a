package dev.bazaar.common;

/**
 * Who may post events to events-api: HTTP basic as user {@value #USER} or a bearer token, both
 * generated once into {@code var/secrets/} ({@code events-api.password}, {@code events-api-token.password}).
 * The server, the {@code events} CLI, the benchmark and the tests of other modules take them from here.
 * (The Kafka principal {@code events} has a secret of its own: one credential, one job.)
 */
public final class EventsApiCredentials {

    public static final String USER = "events";
    public static final String PASSWORD_SECRET = "events-api";
    public static final String TOKEN_SECRET = "events-api-token";
    /** The caller, signing in by HTTP basic: as the service checks it and as its clients send it. */
    public static final HttpUser CALLER = new HttpUser(USER, PASSWORD_SECRET);

    private EventsApiCredentials() {
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
     * Whether events-api generated its password already: a client checks this first, so that it
     * does not generate a password the running service does not know.
     */
    public static boolean exist(RuntimeLayout layout) {
        return layout.secrets().exists(PASSWORD_SECRET);
    }
}
