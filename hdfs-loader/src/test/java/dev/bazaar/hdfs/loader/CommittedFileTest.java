package dev.bazaar.hdfs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommittedFileTest {

    @Test
    void aNameCarriesTopicPartitionAndOffsetsAndParsesBack() {
        // given a file of offsets 100..199 of orders-3
        CommittedFile file = new CommittedFile("orders", 3, 100, 199);

        // when it is named and parsed
        String name = file.fileName();

        // then the name sorts by offset and holds everything a restarting task needs
        assertThat(name).isEqualTo("orders+3+0000000100+0000000199.jsonl");
        assertThat(CommittedFile.parse(name)).contains(file);
    }

    @Test
    void aTopicWithPlusSignsStillParses() {
        assertThat(CommittedFile.parse("a+b+0+0000000001+0000000002.jsonl"))
                .contains(new CommittedFile("a+b", 0, 1, 2));
    }

    @Test
    void otherNamesAreNotCommittedFiles() {
        assertThat(CommittedFile.parse("orders+3+0000000100+0000000199.jsonl.crc")).isEmpty();
        assertThat(CommittedFile.parse("orders+3+0000000100.jsonl")).isEmpty();
        assertThat(CommittedFile.parse("orders+3+0000000200+0000000199.jsonl")).as("last before first").isEmpty();
        assertThat(CommittedFile.parse("_COMMITTING")).isEmpty();
    }
}
