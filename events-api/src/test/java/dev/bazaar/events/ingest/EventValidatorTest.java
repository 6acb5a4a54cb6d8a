package dev.bazaar.events.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.events.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An event against its kind's schema (the very files setup registers) and key fields: the earlier
 * systems' samples pass; each bad field is named once, with its reason.
 */
class EventValidatorTest {

    private final EventValidator views = validator(EventKind.VIEW_EVENT);
    private final EventValidator products = validator(EventKind.PRODUCT_EVENTS);

    @Test
    void earlierSystemsSamplesAreValidUnchanged() {
        assertThat(views.validate(event(TestEvents.sample(EventKind.VIEW_EVENT)))).as("view-event sample").isEmpty();
        assertThat(products.validate(event(TestEvents.sample(EventKind.PRODUCT_EVENTS)))).as("product event sample")
                .isEmpty();
    }

    @Test
    void unknownFieldsAreKeptNotRefused() {
        ObjectNode event = TestEvents.sample(EventKind.VIEW_EVENT);
        event.put("new_field_of_an_app", 3).putObject("nested").put("x", true);
        assertThat(views.validate(event(event))).as("errors").isEmpty();
    }

    @Test
    void knownFieldOfAnotherTypeIsRefusedNamingIt() {
        // given a view event whose boolean and integer fields hold strings, and a product event whose price is text
        ObjectNode view = TestEvents.sample(EventKind.VIEW_EVENT).put("is_trial", "no").put("duration", "52");
        ObjectNode product = TestEvents.sample(EventKind.PRODUCT_EVENTS).put("price", "499");

        // then each is named as the wrong type
        assertThat(views.validate(event(view))).as("view-event errors").extracting(FieldError::field, FieldError::reason)
                .containsExactlyInAnyOrder(tuple("$.is_trial", Reason.WRONG_TYPE), tuple("$.duration", Reason.WRONG_TYPE));
        assertThat(products.validate(event(product))).as("product event errors").singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).as("field").isEqualTo("$.price");
                    assertThat(error.message()).as("message").contains("string").contains("integer");
                });
    }

    @Test
    void absentOrNullKeyFieldIsMissingOnceButAnEmptyStringIsAValue() {
        // given the sample's content_id "" (a value), and the same event without userId and with sid null
        ObjectNode valid = TestEvents.sample(EventKind.VIEW_EVENT);
        ObjectNode missing = valid.deepCopy();
        missing.remove("userId");
        missing.putNull("sid");

        // then the empty string passes, and each missing key field is named once, as missing
        assertThat(valid.path("content_id").asText()).as("the sample's content_id").isEmpty();
        assertThat(views.validate(event(valid))).as("errors of the sample").isEmpty();
        assertThat(views.validate(event(missing))).as("errors").extracting(FieldError::field, FieldError::reason)
                .containsExactly(tuple("$.userId", Reason.MISSING_KEY_FIELD), tuple("$.sid", Reason.MISSING_KEY_FIELD));
    }

    @Test
    void keyFieldOfAnotherTypeIsAWrongType() {
        ObjectNode event = TestEvents.sample(EventKind.PRODUCT_EVENTS).put("client_id", 42);
        assertThat(products.validate(event(event))).as("errors").extracting(FieldError::field, FieldError::reason)
                .containsExactly(tuple("$.client_id", Reason.WRONG_TYPE));
    }

    @Test
    void eventDatetimeMustBeAnRfc3339DateTimeWithAnOffset() {
        for (String bad : List.of("2025-04-10 12:34:56", "2025-04-10T12:34:56", "2025-04-10", "", "yesterday",
                "2025-13-10T12:34:56Z", "2025-04-10T12:34Z")) {
            ObjectNode event = TestEvents.sample(EventKind.PRODUCT_EVENTS).put("event_datetime", bad);
            assertThat(products.validate(event(event))).as("errors of event_datetime '%s'", bad)
                    .extracting(FieldError::field, FieldError::reason)
                    .containsExactly(tuple("$.event_datetime", Reason.INVALID_DATE_TIME));
        }
    }

    @Test
    void keyFieldsNotInTheSchemaAreCheckedToo() {
        // given view events keyed by a field the schema does not require
        EventValidator byDeviceToo = new EventValidator(views.schema(), List.of("userId", "waterbase_device_id"));
        ObjectNode event = TestEvents.sample(EventKind.VIEW_EVENT);
        event.remove("waterbase_device_id");

        // then its absence is a missing key field
        assertThat(byDeviceToo.validate(event(event))).as("errors").extracting(FieldError::field, FieldError::reason)
                .containsExactly(tuple("$.waterbase_device_id", Reason.MISSING_KEY_FIELD));
    }

    private static EventValidator validator(EventKind kind) {
        return new EventValidator(TestEvents.schema(kind, 7), kind.defaultKeyFields());
    }

    private static RawEvent event(ObjectNode json) {
        byte[] bytes = TestEvents.bytes(json);
        return new RawEvent(0, json, bytes, 0, bytes.length);
    }
}
