package dev.bazaar.events.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bazaar.events.EventKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a request body becomes events, and every way a body is refused, naming the event and field. */
class EventBodiesTest {

    private static final int MAX_EVENT_BYTES = 1024;
    private static final int MAX_EVENTS = 3;
    private final EventBodies bodies = new EventBodies(MAX_EVENT_BYTES, MAX_EVENTS);

    @Test
    void arrayElementsKeepTheirBytesExactlyAsPosted() {
        // given an array whose events are spelt in ways a re-encoding would change
        String first = "{ \"a\" : 1.50, \"b\":\"\\u00e9\" }";
        String second = "{\"c\":[1, 2],\"n\":1e2}";
        byte[] body = TestEvents.bytes("\n [ " + first + " ,\n" + second + "]\n");

        // when it is read
        List<RawEvent> events = bodies.read(body, true);

        // then each event is the very bytes posted, and its JSON is read
        assertThat(events).as("events").hasSize(2);
        assertThat(text(events.get(0))).as("first event's bytes").isEqualTo(first);
        assertThat(text(events.get(1))).as("second event's bytes").isEqualTo(second);
        assertThat(events.get(0).json().path("b").asText()).as("decoded escape").isEqualTo("é");
        assertThat(events).extracting(RawEvent::index).as("indexes").containsExactly(0, 1);
    }

    @Test
    void oneObjectIsOneEvent() {
        byte[] body = TestEvents.bytes(TestEvents.sample(EventKind.PRODUCT_EVENTS));
        List<RawEvent> events = bodies.read(body, false);
        assertThat(events).as("events").singleElement()
                .satisfies(event -> assertThat(text(event)).as("bytes").isEqualTo(new String(body, StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":", "{\"a\" 1}", "[{\"a\":1},", "{'a':1}", "{\"a\":1}}"})
    void malformedJsonIsRefusedSayingWhere(String body) {
        FieldError error = refusedOnly(body, true);
        assertThat(error.reason()).as("reason").isEqualTo(Reason.MALFORMED_JSON);
        assertThat(error.message()).as("message").containsAnyOf("line 1, column", "malformed JSON", "unexpected content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n ", "\"text\"", "42", "null"})
    void bodyThatIsNotAnObjectOrArrayIsRefused(String body) {
        FieldError error = refusedOnly(body, true);
        assertThat(error.reason()).as("reason").isEqualTo(Reason.MALFORMED_JSON);
        assertThat(error.field()).as("field").isEqualTo("$");
    }

    @Test
    void utf16BodyIsRefusedAsNotUtf8() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_16);
        InvalidEventsException refused = catchThrowableOfType(InvalidEventsException.class, () -> bodies.read(body, true));
        assertThat(refused.errors()).as("errors").singleElement().extracting(FieldError::message).asString()
                .contains("UTF-8");
    }

    @Test
    void fieldGivenTwiceIsRefusedNamingIt() {
        FieldError error = refusedOnly("[{\"a\":1},{\"userId\":\"x\",\"userId\":\"y\"}]", true);
        assertThat(error.field()).as("field").isEqualTo("$.userId");
        assertThat(error.index()).as("index").isEqualTo(1);
        assertThat(error.reason()).as("reason").isEqualTo(Reason.MALFORMED_JSON);
    }

    @Test
    void fieldGivenTwiceInANestedObjectIsRefusedToo() {
        FieldError error = refusedOnly("{\"userId\":\"x\",\"extra\":{\"a\":1,\"a\":2}}", false);
        assertThat(error.field()).as("field").isEqualTo("$.a");
        assertThat(error.reason()).as("reason").isEqualTo(Reason.MALFORMED_JSON);
        assertThat(error.message()).as("message").contains("given twice");
    }

    @Test
    void arrayWhereOneEventIsExpectedIsRefused() {
        FieldError error = refusedOnly("[{\"a\":1}]", false);
        assertThat(error.reason()).as("reason").isEqualTo(Reason.NOT_AN_OBJECT);
        assertThat(error.message()).as("message").contains("not an array");
    }

    @Test
    void elementsThatAreNotObjectsAreEachNamed() {
        InvalidEventsException refused = catchThrowableOfType(InvalidEventsException.class,
                () -> bodies.read(TestEvents.bytes("[{\"a\":1}, 7, [1]]"), true));
        assertThat(refused.errors()).as("errors").extracting(FieldError::index, FieldError::reason)
                .containsExactly(tuple(1, Reason.NOT_AN_OBJECT), tuple(2, Reason.NOT_AN_OBJECT));
    }

    @Test
    void emptyArrayAndTooManyEventsAreRefused() {
        assertThat(refusedOnly("[]", true).reason()).as("empty array").isEqualTo(Reason.BATCH_SIZE);
        assertThat(refusedOnly("[{},{},{},{}]", true).message()).as("4 events, at most 3").contains("at most 3");
    }

    @Test
    void eventLargerThanTheLimitIsRefusedWith413NamingItsIndex() {
        // given an array whose second event is over the limit
        String large = "{\"pad\":\"" + "x".repeat(MAX_EVENT_BYTES) + "\"}";
        InvalidEventsException refused = catchThrowableOfType(InvalidEventsException.class,
                () -> bodies.read(TestEvents.bytes("[{\"a\":1}," + large + "]"), true));

        // then it is named, and the answer is 413
        assertThat(refused.errors()).as("errors").singleElement().satisfies(error -> {
            assertThat(error.index()).as("index").isEqualTo(1);
            assertThat(error.reason()).as("reason").isEqualTo(Reason.TOO_LARGE);
            assertThat(error.message()).as("message").contains("at most " + MAX_EVENT_BYTES);
        });
        assertThat(refused.status()).as("status").isEqualTo(413);
    }

    private FieldError refusedOnly(String body, boolean arrayAllowed) {
        InvalidEventsException refused = catchThrowableOfType(InvalidEventsException.class,
                () -> bodies.read(TestEvents.bytes(body), arrayAllowed));
        assertThat(refused).as("refusal of %s", body).isNotNull();
        assertThat(refused.getMessage()).as("message").endsWith("nothing was published");
        assertThat(refused.errors()).as("errors of %s", body).hasSize(1);
        return refused.errors().getFirst();
    }

    private static String text(RawEvent event) {
        return new String(Arrays.copyOfRange(event.body(), event.offset(), event.offset() + event.length()),
                StandardCharsets.UTF_8);
    }
}
