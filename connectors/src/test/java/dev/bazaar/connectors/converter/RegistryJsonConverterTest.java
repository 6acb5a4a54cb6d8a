package dev.bazaar.connectors.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class RegistryJsonConverterTest {

    private final RegistryJsonConverter converter = new RegistryJsonConverter();

    @Test
    void wireFormatValueBecomesTheJsonDocumentsBytes() {
        // given a value as the registry serializer writes it
        byte[] value = wire("{\"productId\":\"p-1\",\"price\":{\"amount\":10.5}}");

        // when the converter reads it
        SchemaAndValue data = converter.toConnectData("filtered-items", value);

        // then it is the JSON object's bytes, without the header
        assertThat(data.schema()).as("schema").isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
        assertThat(new String((byte[]) data.value(), StandardCharsets.UTF_8)).as("value")
                .isEqualTo("{\"productId\":\"p-1\",\"price\":{\"amount\":10.5}}");
    }

    @Test
    void tombstoneStaysNull() {
        assertThat(converter.toConnectData("filtered-items", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void valuesOutsideTheWireFormatAreDataErrorsNamingTheTopicAndTheProblem() {
        assertThatThrownBy(() -> converter.toConnectData("filtered-items", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DataException.class).hasMessageContaining("filtered-items").hasMessageContaining("magic byte 123");
        assertThatThrownBy(() -> converter.toConnectData("filtered-items", new byte[] {0, 0, 0, 1}))
                .isInstanceOf(DataException.class).hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> converter.toConnectData("filtered-items", wire("not json")))
                .isInstanceOf(DataException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> converter.toConnectData("filtered-items", wire(" [1,2]")))
                .isInstanceOf(DataException.class).hasMessageContaining("not a JSON object");
    }

    private static byte[] wire(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(7).put(payload).array();
    }
}
