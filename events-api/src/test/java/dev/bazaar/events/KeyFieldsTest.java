package dev.bazaar.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.events.ingest.TestEvents;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key fields of each kind: defaults from the contract, configuration checked at start naming the key. */
class KeyFieldsTest {

    @Test
    void defaultsAreTheEarlierSystemsKeyFields() {
        KeyFields defaults = KeyFields.defaults();
        assertThat(defaults.of(EventKind.VIEW_EVENT)).as("view-event")
                .containsExactly("userId", "content_id", "event_name", "event_datetime", "sid");
        assertThat(defaults.of(EventKind.PRODUCT_EVENTS)).as("product_events")
                .containsExactly("client_id", "product_id", "event_name", "event_datetime", "sid");
    }

    @Test
    void configuredKindTakesItsFieldsOthersKeepTheirDefaults() {
        KeyFields fields = KeyFields.of(Map.of("view-event", Map.of("key-fields", List.of("userId", "event_name"))));
        assertThat(fields.of(EventKind.VIEW_EVENT)).as("view-event").containsExactly("userId", "event_name");
        assertThat(fields.of(EventKind.PRODUCT_EVENTS)).as("product_events")
                .isEqualTo(EventKind.PRODUCT_EVENTS.defaultKeyFields());
    }

    @Test
    void badSettingsFailNamingTheKey() {
        assertThatThrownBy(() -> KeyFields.of(Map.of("click", Map.of("key-fields", List.of("a")))))
                .as("unknown kind").hasMessageContaining("events.kinds.click").hasMessageContaining("view-event, product_events");
        assertThatThrownBy(() -> KeyFields.of(Map.of("view-event", Map.of("key-field", List.of("a")))))
                .as("unknown setting").hasMessageContaining("events.kinds.view-event.key-field");
        assertThatThrownBy(() -> KeyFields.of(Map.of("view-event", Map.of("key-fields", List.of()))))
                .as("no field").hasMessageContaining("events.kinds.view-event.key-fields").hasMessageContaining("at least one");
        assertThatThrownBy(() -> KeyFields.of(Map.of("product_events", Map.of("key-fields", List.of("sid", " ")))))
                .as("blank field").hasMessageContaining("events.kinds.product_events.key-fields").hasMessageContaining("blank");
        assertThatThrownBy(() -> KeyFields.of(Map.of("view-event", Map.of("key-fields", List.of("sid", "sid")))))
                .as("field twice").hasMessageContaining("'sid' is named twice");
    }

    @Test
    void keyFieldTheSchemaDoesNotDeclareFailsNamingTheKeyAndTheSubject() {
        KeyFields typo = KeyFields.of(Map.of("view-event", Map.of("key-fields", List.of("userID"))));
        assertThatThrownBy(() -> KindSettings.checkedAgainst(typo, EventKind.VIEW_EVENT,
                TestEvents.schema(EventKind.VIEW_EVENT, 3)))
                .as("typo").hasMessageContaining("events.kinds.view-event.key-fields")
                .hasMessageContaining("'userID'").hasMessageContaining("product-events-raw-view-event");
    }

    @Test
    void micronautConfigurationIsReadForBothSpellingsOfAKind() {
        // given the key fields set in configuration, one kind by its wire name, the other as an environment variable spells it
        Map<String, Object> properties = Map.of(
                "events.kinds.product_events.key-fields", "client_id,event_name",
                "events.kinds.view-event.key-fields", List.of("userId", "sid"));
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            context.getEnvironment().start();

            // when they are read
            KeyFields fields = KindSettings.read(context.getEnvironment());

            // then each kind has its own
            assertThat(fields.of(EventKind.PRODUCT_EVENTS)).as("product_events").containsExactly("client_id", "event_name");
            assertThat(fields.of(EventKind.VIEW_EVENT)).as("view-event").containsExactly("userId", "sid");
        }
    }
}
