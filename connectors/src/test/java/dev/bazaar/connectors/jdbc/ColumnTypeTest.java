package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Each column type takes what converts without loss or guessing, and says why it refuses the rest. */
class ColumnTypeTest {

    private static final Instant AT = Instant.parse("2025-04-10T12:34:56.789Z");

    @Test
    void theCatalogsTypeNamesMapToTypes() {
        assertThat(ColumnType.of("int8")).as("int8").contains(ColumnType.BIGINT);
        assertThat(ColumnType.of("bpchar")).as("bpchar").contains(ColumnType.TEXT);
        assertThat(ColumnType.of("timestamptz")).as("timestamptz").contains(ColumnType.TIMESTAMPTZ);
        assertThat(ColumnType.of("_text")).as("an array").isEmpty();
    }

    @Test
    void textTakesScalarsAndJsonButNotNulOrBytesThatAreNotUtf8() throws Exception {
        assertThat(ColumnType.TEXT.convert("a")).isEqualTo("a");
        assertThat(ColumnType.TEXT.convert(499L)).isEqualTo("499");
        assertThat(ColumnType.TEXT.convert(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ColumnType.TEXT.convert(false)).isEqualTo("false");
        assertThat(ColumnType.TEXT.convert(new JsonText("{\"a\":1}"))).isEqualTo("{\"a\":1}");
        assertThat(ColumnType.TEXT.convert("kind".getBytes(StandardCharsets.UTF_8))).isEqualTo("kind");
        assertThatThrownBy(() -> ColumnType.TEXT.convert("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> ColumnType.TEXT.convert(new byte[] {(byte) 0xff})).hasMessageContaining("not UTF-8");
    }

    @Test
    void wholeNumbersMustBeWholeAndInRange() throws Exception {
        assertThat(ColumnType.BIGINT.convert(1_744_287_299L)).isEqualTo(1_744_287_299L);
        assertThat(ColumnType.BIGINT.convert("999888777666555")).isEqualTo(999_888_777_666_555L);
        assertThat(ColumnType.BIGINT.convert(new BigDecimal("5.0"))).isEqualTo(5L);
        assertThat(ColumnType.BIGINT.convert(AT)).as("an instant as epoch ms").isEqualTo(AT.toEpochMilli());
        assertThat(ColumnType.INTEGER.convert(1_659_304_828L)).isEqualTo(1_659_304_828);
        assertThat(ColumnType.SMALLINT.convert(-1L)).isEqualTo((short) -1);
        assertThatThrownBy(() -> ColumnType.INTEGER.convert(3_000_000_000L)).hasMessageContaining("outside integer's range");
        assertThatThrownBy(() -> ColumnType.BIGINT.convert(new BigDecimal("1.5"))).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> ColumnType.BIGINT.convert(new BigInteger("99999999999999999999")))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> ColumnType.BIGINT.convert("12a")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> ColumnType.BIGINT.convert(true)).hasMessageContaining("a boolean, which cannot be a bigint");
    }

    @Test
    void decimalsBooleansAndDoubles() throws Exception {
        assertThat(ColumnType.NUMERIC.convert(new BigDecimal("499.00"))).isEqualTo(new BigDecimal("499.00"));
        assertThat(ColumnType.NUMERIC.convert("0.1")).isEqualTo(new BigDecimal("0.1"));
        assertThat(ColumnType.DOUBLE.convert(2L)).isEqualTo(2.0);
        assertThat(ColumnType.BOOLEAN.convert("TRUE")).isEqualTo(true);
        assertThatThrownBy(() -> ColumnType.BOOLEAN.convert(1L)).hasMessageContaining("cannot be a boolean");
        assertThatThrownBy(() -> ColumnType.NUMERIC.convert("ten")).hasMessageContaining("not a number");
    }

    @Test
    void timestampsComeFromIso8601OrTheRecordTimestampNeverFromABareNumber() throws Exception {
        assertThat(ColumnType.TIMESTAMPTZ.convert("2025-04-10T15:34:56.000+03:00"))
                .isEqualTo(OffsetDateTime.parse("2025-04-10T15:34:56+03:00"));
        assertThat(ColumnType.TIMESTAMPTZ.convert(AT)).isEqualTo(AT.atOffset(ZoneOffset.UTC));
        assertThatThrownBy(() -> ColumnType.TIMESTAMPTZ.convert(1_744_287_299L)).hasMessageContaining("seconds or milliseconds");
        assertThatThrownBy(() -> ColumnType.TIMESTAMPTZ.convert("2025-04-10 15:34:59.123456"))
                .hasMessageContaining("is not an ISO-8601 date-time with an offset");
        assertThat(ColumnType.TIMESTAMP.convert("2025-04-10T15:34:59.123456"))
                .isEqualTo(LocalDateTime.parse("2025-04-10T15:34:59.123456"));
        assertThat(ColumnType.TIMESTAMP.convert("2025-04-10T15:34:59+03:00"))
                .as("with an offset, in UTC").isEqualTo(LocalDateTime.parse("2025-04-10T12:34:59"));
        assertThat(ColumnType.DATE.convert("2025-04-10")).isEqualTo(LocalDate.of(2025, 4, 10));
    }

    @Test
    void jsonBytesAndUuids() throws Exception {
        assertThat(ColumnType.JSONB.convert(new JsonText("{\"a\":[1]}"))).isEqualTo("{\"a\":[1]}");
        assertThat(ColumnType.JSONB.convert("say \"hi\"")).as("a string, quoted").isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(ColumnType.JSON.convert(499L)).isEqualTo("499");
        assertThat(ColumnType.BYTEA.convert(new byte[] {1, 2})).isEqualTo(new byte[] {1, 2});
        assertThat(ColumnType.BYTEA.convert("k")).isEqualTo(new byte[] {'k'});
        assertThatThrownBy(() -> ColumnType.BYTEA.convert(5L)).hasMessageContaining("cannot be a bytea");
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174003");
        assertThat(ColumnType.UUID.convert(uuid.toString())).isEqualTo(uuid);
        assertThat(ColumnType.UUID.convert(java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array())).as("16 bytes").isEqualTo(uuid);
        assertThatThrownBy(() -> ColumnType.UUID.convert("1-1-1-1-1")).hasMessageContaining("cannot be a uuid");
    }
}
