package dev.bazaar.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** events-api's own settings: the defaults, and a publish timeout too short to work refused naming the key. */
class EventsConfigTest {

    @Test
    void publishTimeoutBelow100MillisecondsIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new EventsConfig("var", 65_536, 1000, Duration.ofMillis(50), 100, true))
                .as("50 ms").hasMessageContaining("events.publish-timeout").hasMessageContaining("at least 100 ms");
    }

    @Test
    void reasonableSettingsAreKept() {
        EventsConfig config = new EventsConfig("var", 65_536, 1000, Duration.ofSeconds(15), 100, true);
        assertThat(config.publishTimeout()).as("publish timeout").isEqualTo(Duration.ofSeconds(15));
        assertThat(config.maxEventBytes()).as("max event bytes").isEqualTo(64 * 1024);
    }
}
