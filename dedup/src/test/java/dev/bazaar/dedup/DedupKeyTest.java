package dev.bazaar.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("userId", "content_id", "event_name", "event_datetime", "sid");

    @Test
    void theSameKeyFieldsGiveTheSameSixteenBytesWhateverElseDiffers() throws Exception {
        // given two copies of an event that differ only outside the key fields
        JsonNode first = json("{\"userId\":\"u1\",\"content_id\":\"\",\"event_name\":\"view\",\"event_datetime\":\"2025-04-10 12:34:56\",\"sid\":\"s1\",\"request_id\":\"r1\"}");
        JsonNode copy = json("{\"sid\":\"s1\",\"request_id\":\"r2\",\"event_datetime\":\"2025-04-10 12:34:56\",\"event_name\":\"view\",\"content_id\":\"\",\"userId\":\"u1\"}");

        // then
        assertThat(DedupKey.of(first, FIELDS)).hasSize(DedupKey.BYTES).isEqualTo(DedupKey.of(copy, FIELDS));
        assertThat(DedupKey.hex(DedupKey.of(first, FIELDS))).hasSize(32).matches("[0-9a-f]+");
        assertThat(DedupKey.fromHex(DedupKey.hex(DedupKey.of(first, FIELDS)))).isEqualTo(DedupKey.of(first, FIELDS));
    }

    @Test
    void valuesThatSpellTheSameTextDifferentlySplitOrTypedAreDifferentKeys() throws Exception {
        List<String> two = List.of("a", "b");
        assertThat(DedupKey.of(json("{\"a\":\"ab\",\"b\":\"c\"}"), two)).as("ab|c vs a|bc")
                .isNotEqualTo(DedupKey.of(json("{\"a\":\"a\",\"b\":\"bc\"}"), two));
        assertThat(DedupKey.of(json("{\"a\":\"1\",\"b\":\"x\"}"), two)).as("\"1\" vs 1")
                .isNotEqualTo(DedupKey.of(json("{\"a\":1,\"b\":\"x\"}"), two));
        assertThat(DedupKey.of(json("{\"a\":\"\",\"b\":\"x\"}"), two)).as("\"\" vs \"x\"")
                .isNotEqualTo(DedupKey.of(json("{\"a\":\"x\",\"b\":\"\"}"), two));
    }

    @Test
    void anAbsentOrNullKeyFieldIsMissingButAnEmptyStringIsAValue() throws Exception {
        assertThat(DedupKey.of(json("{\"a\":\"\",\"b\":\"x\"}"), List.of("a", "b"))).hasSize(DedupKey.BYTES);
        assertThatThrownBy(() -> DedupKey.of(json("{\"b\":\"x\"}"), List.of("a", "b")))
                .isInstanceOfSatisfying(DedupKey.MissingKeyField.class, e -> assertThat(e.field()).isEqualTo("a"))
                .hasMessage("key field 'a' is missing (absent or null)");
        assertThatThrownBy(() -> DedupKey.of(json("{\"a\":\"x\",\"b\":null}"), List.of("a", "b")))
                .isInstanceOfSatisfying(DedupKey.MissingKeyField.class, e -> assertThat(e.field()).isEqualTo("b"));
        assertThatThrownBy(() -> DedupKey.fromHex("not-a-key")).hasMessageContaining("'not-a-key' is not a de-duplication key");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
