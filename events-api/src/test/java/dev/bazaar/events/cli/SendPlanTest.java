package dev.bazaar.events.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.EventKind;
import dev.bazaar.events.ingest.EventValidator;
import dev.bazaar.events.ingest.RawEvent;
import dev.bazaar.events.ingest.TestEvents;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@code events send} sends: valid events of the kind, exactly the asked share of them byte-for-byte copies. */
class SendPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COUNT = 500;

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void planHoldsExactlyTheCopiesAskedForAndEveryEventIsValid(EventKind kind) throws IOException {
        // given a plan of 500 events, 20 % copies
        SendPlan plan = SendPlan.of(kind, COUNT, 0.2, 42, Instant.parse("2026-12-07T10:00:00Z"));
        EventValidator validator = new EventValidator(TestEvents.schema(kind, 1), kind.defaultKeyFields());

        // when every event is made
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            byte[] body = plan.body(i);
            JsonNode event = JSON.readTree(body);
            String key = DedupKey.hex(DedupKey.of(event, kind.defaultKeyFields()));
            boolean seen = !keys.add(key);

            // then a copy repeats an earlier event byte for byte, every other event has a key of its own, all are valid
            assertThat(seen).as("event %d is a copy", i).isEqualTo(plan.copy(i));
            if (plan.copy(i)) {
                assertThat(plan.original(i)).as("original of %d", i).isLessThan(i);
                assertThat(body).as("copy %d", i).isEqualTo(plan.body(plan.original(i)));
            }
            assertThat(validator.validate(new RawEvent(i, event, body, 0, body.length))).as("errors of event %d", i).isEmpty();
        }
        assertThat(plan.duplicates()).as("copies").isEqualTo(100);
        assertThat(plan.unique()).as("unique").isEqualTo(400).isEqualTo(keys.size());
        assertThat(plan.copy(0)).as("the first is never a copy").isFalse();
    }
}
