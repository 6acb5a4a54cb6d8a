package dev.bazaar.dedup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** A record's own key and value cross the repartition topic exactly, nulls included. */
class KeyedSerdeTest {

    private final KeyedSerde serde = new KeyedSerde();

    @Test
    void keyAndValueComeBackAsTheyWereNullsIncluded() {
        for (Keyed keyed : new Keyed[] {new Keyed(new byte[] {1, 2}, new byte[] {0, 0, 0, 0, 9, '{', '}'}),
                new Keyed(null, new byte[] {3}), new Keyed(new byte[0], null), new Keyed(null, null)}) {
            Keyed back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", keyed));
            assertThat(back.recordKey()).as("key").isEqualTo(keyed.recordKey());
            assertThat(back.value()).as("value").isEqualTo(keyed.value());
        }
    }

    @Test
    void bytesThatAreNotAKeyedRecordAreASerializationError() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 0, 9, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a keyed record of the dedup app on t");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, 7}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("1 bytes after a keyed record");
    }
}
