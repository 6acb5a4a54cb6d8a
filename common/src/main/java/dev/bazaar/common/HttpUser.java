package dev.bazaar.common;

import java.util.Objects;

/**
 * A user of the platform's HTTP edge and the secret holding its password under {@code var/secrets/}.
 * Operators sign in with their own Kafka principal ({@link #OPS}, {@link #ADMIN}: the same SCRAM
 * password), Prometheus with its own scrape credential ({@link #METRICS}), so that no HTTP route is
 * open and no credential serves two jobs.
 *
 * @param name the user name sent with HTTP basic
 * @param secret the name of its password in {@link Secrets}
 */
public record HttpUser(String name, String secret) {

    /** The operator: the stop-list commands, stream-filter's product look-up, the analytics status. */
    public static final HttpUser OPS = new HttpUser("ops", "ops");
    /** The super user: every route of every service. */
    public static final HttpUser ADMIN = new HttpUser("admin", "admin");
    /** Prometheus: the {@code /prometheus} and {@code /metrics} routes only. */
    public static final HttpUser METRICS = new HttpUser("prometheus", "prometheus-scrape");
    /**
     * The console as a service: its calls to Prometheus, Alertmanager and Connect (dashboards, silences,
     * connector actions), each allowed to the signed-in user by the console's role table first.
     */
    public static final HttpUser CONSOLE = new HttpUser("console", "console-service");
    /** Alertmanager delivering alerts to the console's webhook ({@code POST /alerts/webhook}), and nothing else. */
    public static final HttpUser ALERT_WEBHOOK = new HttpUser("alertmanager", "alertmanager-webhook");

    public HttpUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
    }

    /** Its password (generated when it does not exist yet). */
    public String password(RuntimeLayout layout) {
        return layout.secrets().password(secret);
    }

    /** The {@code Authorization} header of HTTP basic for this user. */
    public String basic(RuntimeLayout layout) {
        return BasicAuth.header(name, password(layout));
    }
}
