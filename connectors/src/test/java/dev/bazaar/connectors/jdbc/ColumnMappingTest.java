package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;
import org.junit.jupiter.api.Test;

/** The mapping syntax: {@code column=source|source}, as the config's Javadoc states it. */
class ColumnMappingTest {

    @Test
    void eachKindOfSourceParses() {
        // when
        List<ColumnMapping> mappings = ColumnMapping.parseAll(List.of(" event_key = $KEY ", "kind=$header.event-kind",
                "user_id=userId|client_id", "os=/device/os", "event=$value", "at=$timestamp", "t=$topic",
                "p=$partition", "o=$offset"));

        // then
        assertThat(mappings).extracting(ColumnMapping::column).as("columns")
                .containsExactly("event_key", "kind", "user_id", "os", "event", "at", "t", "p", "o");
        assertThat(mappings.get(0).sources()).as("$key, in any case").containsExactly(ValueSource.Meta.KEY);
        assertThat(mappings.get(1).sources()).as("header, its name as written")
                .containsExactly(new ValueSource.Header("event-kind"));
        assertThat(mappings.get(2).sources()).as("alternatives, in order").containsExactly(
                new ValueSource.Field("userId", java.util.Optional.empty()),
                new ValueSource.Field("client_id", java.util.Optional.empty()));
        assertThat(mappings.get(3).sources()).as("JSON pointer").containsExactly(
                new ValueSource.Field("/device/os", java.util.Optional.of(JsonPointer.compile("/device/os"))));
        assertThat(mappings.subList(4, 9)).extracting(m -> m.sources().getFirst()).as("record parts").containsExactly(
                ValueSource.Meta.VALUE, ValueSource.Meta.TIMESTAMP, ValueSource.Meta.TOPIC, ValueSource.Meta.PARTITION,
                ValueSource.Meta.OFFSET);
        assertThat(mappings.get(2)).as("as written back").hasToString("user_id=userId|client_id");
    }

    @Test
    void eachMistakeIsNamed() {
        assertThatThrownBy(() -> ColumnMapping.parse("event_key")).hasMessageContaining("not column=source");
        assertThatThrownBy(() -> ColumnMapping.parse("Event=$key")).hasMessageContaining("'Event' is not a column name");
        assertThatThrownBy(() -> ColumnMapping.parse("kind=$header")).hasMessageContaining("column kind")
                .hasMessageContaining("unknown source '$header'");
        assertThatThrownBy(() -> ColumnMapping.parse("kind=a||b")).hasMessageContaining("column kind: an empty source");
        assertThatThrownBy(() -> ColumnMapping.parseAll(List.of("a=x", "a=y"))).hasMessageContaining("a is mapped twice");
        assertThatThrownBy(() -> ColumnMapping.parseAll(List.of())).hasMessageContaining("at least one");
    }
}
