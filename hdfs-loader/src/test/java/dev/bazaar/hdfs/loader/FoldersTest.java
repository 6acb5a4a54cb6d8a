package dev.bazaar.hdfs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class FoldersTest {

    @Test
    void byDefaultAnOrderGoesToItsCustomersFolder() {
        // given the default partitioning by customer
        Folders folders = new Folders("customer", HdfsSinkConfig.TimePartitioning.NONE, List.of());
        SinkRecord record = TestRecords.order(0, 1, "Alice");

        // when / then
        assertThat(folders.folderOf(record, JsonLine.of(record))).isEqualTo("customer=Alice");
    }

    @Test
    void timeFoldersComeFromAFieldOrTheRecordTimestampInUtc() {
        SinkRecord record = TestRecords.order(0, 1, "Bob");

        assertThat(new Folders("customer", HdfsSinkConfig.TimePartitioning.DAY, List.of("createdAt"))
                .folderOf(record, JsonLine.of(record))).isEqualTo("customer=Bob/date=2026-11-22");
        assertThat(new Folders("", HdfsSinkConfig.TimePartitioning.HOUR, List.of())
                .folderOf(record, JsonLine.of(record))).isEqualTo("date=2026-11-23/hour=09");
    }

    @Test
    void aValueIsAlwaysOnePlainFolderName() {
        assertThat(Folders.escape("Mary Ann.Smith")).isEqualTo("Mary Ann.Smith");
        assertThat(Folders.escape("../etc")).isEqualTo("%2E.%2Fetc");
        assertThat(Folders.escape("_hidden")).isEqualTo("%5Fhidden");
        assertThat(Folders.escape("a=b/c")).isEqualTo("a%3Db%2Fc");
        assertThat(Folders.escape("Ёж")).isEqualTo("%D0%81%D0%B6");
    }

    @Test
    void aRecordWithoutTheFieldIsABadRecordNamingTheField() {
        Folders folders = new Folders("customer", HdfsSinkConfig.TimePartitioning.NONE, List.of());
        SinkRecord record = TestRecords.record(0, 1, "{\"orderId\":\"o-1\"}");

        assertThatThrownBy(() -> folders.folderOf(record, JsonLine.of(record)))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("'customer'");
    }

    @Test
    void valuesThatAreNotOneJsonObjectAreBadRecords() {
        assertThatThrownBy(() -> JsonLine.of(TestRecords.record(0, 1, "[1,2]")))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JsonLine.of(TestRecords.record(0, 1, "{\"a\":")))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonLine.of(TestRecords.record(0, 1, null)))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("tombstone");
    }

    @Test
    void aDocumentOnSeveralLinesBecomesOneLine() {
        JsonLine line = JsonLine.of(TestRecords.record(0, 1, "{\n  \"customer\": \"Eva\"\r\n}"));

        assertThat(new String(line.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{   \"customer\": \"Eva\"  }");
    }
}
