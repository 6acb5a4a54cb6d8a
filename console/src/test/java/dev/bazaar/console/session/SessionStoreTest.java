package dev.bazaar.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.console.ConsoleConfig;
import dev.bazaar.console.kafka.UserClients;
import dev.bazaar.platform.it.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session lives while it is used, at most its lifetime, and its id and token are secrets. */
class SessionStoreTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final SessionStore store = new SessionStore(new ConsoleConfig("var", Duration.ofMinutes(30),
            Duration.ofHours(12), 50, 10_000, Duration.ofSeconds(10), ".."), clock);

    @Test
    void aSessionUsedWithinItsIdleTimeLivesUpToItsLifetimeAndNotBeyond() {
        Session session = open();
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(store.find(session.id())).as("after %d uses", i + 1).isPresent();
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find(session.id())).as("past 12 h").isEmpty();
        assertThat(store.open()).isZero();
    }

    @Test
    void aSessionLeftAloneEndsAfterItsIdleTime() {
        Session session = open();
        clock.advance(Duration.ofMinutes(31));
        assertThat(store.find(session.id())).isEmpty();
    }

    @Test
    void aClosedSessionsIdIsWorthNothingAndEachSessionHasItsOwnRandomSecrets() {
        Session first = open();
        Session second = open();
        store.close(first);
        assertThat(store.find(first.id())).isEmpty();
        assertThat(store.find(second.id())).isPresent();
        assertThat(first.id()).isNotEqualTo(second.id()).hasSize(43);
        assertThat(first.csrfToken()).isNotEqualTo(second.csrfToken()).isNotEqualTo(first.id());
        assertThat(SessionStore.csrfMatches(second, second.csrfToken())).isTrue();
        assertThat(SessionStore.csrfMatches(second, first.csrfToken())).isFalse();
        assertThat(SessionStore.csrfMatches(second, null)).isFalse();
        assertThat(store.find(null)).isEmpty();
    }

    private Session open() {
        return store.open("ops", new UserClients(Map.of(), Duration.ofSeconds(1)));
    }
}
