package dev.bazaar.console.session;

import dev.bazaar.console.kafka.UserClients;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A signed-in user: the Kafka principal every call made for them runs as, the Kafka clients opened in
 * their name (closed when the session ends), and the token every change they make must carry (CSRF).
 * The password lives only here, in memory, for as long as the session: the console stores nothing.
 */
public final class Session {

    private final String id;
    private final String principal;
    private final String csrfToken;
    private final Instant created;
    private final AtomicReference<Instant> lastUsed;
    private final UserClients clients;

    Session(String id, String principal, String csrfToken, Instant created, UserClients clients) {
        this.id = id;
        this.principal = principal;
        this.csrfToken = csrfToken;
        this.created = created;
        this.lastUsed = new AtomicReference<>(created);
        this.clients = clients;
    }

    /** The secret the browser's session cookie holds. */
    public String id() {
        return id;
    }

    public String principal() {
        return principal;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The Kafka clients of this user, as their own principal. */
    public UserClients kafka() {
        return clients;
    }

    Instant created() {
        return created;
    }

    Instant lastUsed() {
        return lastUsed.get();
    }

    void used(Instant now) {
        lastUsed.set(now);
    }

    void close() {
        clients.close();
    }
}
