package dev.bazaar.console.session;

import dev.bazaar.console.ConsoleConfig;
import dev.bazaar.console.kafka.UserClients;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of signed-in users, in memory: a session id is 256 random bits, known only to the
 * user's browser (an HttpOnly cookie); a session ends at sign-out, after {@code console.session-idle}
 * without a request or {@code console.session-lifetime} after sign-in, and with the process (a restart
 * signs everybody out: nothing of a user is written anywhere).
 */
@Singleton
public final class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ConsoleConfig config;
    private final Clock clock;

    public SessionStore(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A new session of {@code principal}, whose Kafka clients are {@code clients}. */
    public Session open(String principal, UserClients clients) {
        sweep();
        Session session = new Session(randomToken(), principal, randomToken(), clock.instant(), clients);
        sessions.put(session.id(), session);
        log.info("{} signed in", principal);
        return session;
    }

    /** The live session of {@code id}, marked used now; an expired one ends here. */
    public Optional<Session> find(String id) {
        Session session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            end(session, "expired");
            return Optional.empty();
        }
        session.used(now);
        return Optional.of(session);
    }

    /** Ends the session (sign-out): its id is worth nothing from now on, its Kafka clients close. */
    public void close(Session session) {
        end(session, "signed out");
    }

    /** Whether {@code token} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(Session session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** How many sessions are open (for the metrics and the tests). */
    public int open() {
        return sessions.size();
    }

    /** 256 random bits, URL-safe. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @PreDestroy
    void closeAll() {
        sessions.values().forEach(session -> end(session, "console stopping"));
    }

    private void sweep() {
        Instant now = clock.instant();
        sessions.values().stream().filter(session -> expired(session, now)).forEach(session -> end(session, "expired"));
    }

    private boolean expired(Session session, Instant now) {
        return now.isAfter(session.lastUsed().plus(config.sessionIdle()))
                || now.isAfter(session.created().plus(config.sessionLifetime()));
    }

    private void end(Session session, String why) {
        if (sessions.remove(session.id(), session)) {
            session.close();
            log.info("session of {} ended: {}", session.principal(), why);
        }
    }
}
