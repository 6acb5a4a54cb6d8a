package dev.bazaar.hdfs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.platform.it.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task on the local file system (Hadoop's, as on HDFS): what is committed when, and what a restart finds. */
class HdfsSinkTaskTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<HdfsSinkTask> started = new ArrayList<>();

    @AfterEach
    void stopTasks() {
        started.forEach(HdfsSinkTask::stop);
    }

    @Test
    void everyFlushSizeRecordsOfAPartitionAreCommittedAsOneFilePerCustomer() throws IOException {
        // given flush.size 3
        RecordingContext context = new RecordingContext(true);
        HdfsSinkTask task = start(context, Map.of(HdfsSinkConfig.FLUSH_SIZE, "3"));
        task.open(List.of(P0));

        // when 7 records of two customers arrive
        task.put(List.of(TestRecords.order(0, 0, "Alice"), TestRecords.order(0, 1, "Bob"),
                TestRecords.order(0, 2, "Alice"), TestRecords.order(0, 3, "Bob"), TestRecords.order(0, 4, "Bob"),
                TestRecords.order(0, 5, "Alice"), TestRecords.order(0, 6, "Alice")));

        // then two batches are committed, each customer's lines in its own folder, named by their offsets
        assertThat(committedFiles()).containsExactlyInAnyOrder(
                "orders/customer=Alice/orders+0+0000000000+0000000002.jsonl",
                "orders/customer=Bob/orders+0+0000000001+0000000001.jsonl",
                "orders/customer=Bob/orders+0+0000000003+0000000004.jsonl",
                "orders/customer=Alice/orders+0+0000000005+0000000005.jsonl");
        assertThat(lines("orders/customer=Alice/orders+0+0000000000+0000000002.jsonl"))
                .containsExactly(TestRecords.orderJson("o-0-0", "Alice"), TestRecords.orderJson("o-0-2", "Alice"));
        // and Connect may commit the group's offset up to the last committed record only
        assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(6)));
        assertThat(stagingLeft()).isEmpty();
    }

    @Test
    void aPartitionsRecordsAreCommittedOnceTheRotateIntervalPassedEvenWithoutNewRecords() throws IOException {
        // given a rotate interval of 10 s and two records
        HdfsSinkTask task = start(new RecordingContext(true), Map.of(HdfsSinkConfig.ROTATE_INTERVAL_MS, "10000"));
        task.open(List.of(P0, P1));
        task.put(List.of(TestRecords.order(0, 0, "Alice"), TestRecords.order(1, 40, "Eva")));
        clock.advance(Duration.ofSeconds(9));
        task.put(List.of());
        assertThat(committedFiles()).as("before the interval").isEmpty();

        // when the interval has passed and the worker asks for offsets
        clock.advance(Duration.ofSeconds(1));
        Map<TopicPartition, OffsetAndMetadata> offsets = task.preCommit(Map.of());

        // then both partitions' files are committed
        assertThat(committedFiles()).containsExactlyInAnyOrder(
                "orders/customer=Alice/orders+0+0000000000+0000000000.jsonl",
                "orders/customer=Eva/orders+1+0000000040+0000000040.jsonl");
        assertThat(offsets).containsOnly(Map.entry(P0, new OffsetAndMetadata(1)), Map.entry(P1, new OffsetAndMetadata(41)));
    }

    @Test
    void aRestartedTaskResumesAfterTheCommittedFilesAndSkipsWhatIsRedelivered() throws IOException {
        // given a task that committed offsets 0..2 and held 3..4 when it died
        HdfsSinkTask first = start(new RecordingContext(true), Map.of(HdfsSinkConfig.FLUSH_SIZE, "3"));
        first.open(List.of(P0));
        first.put(records(0, 0, 5));

        // when a new task opens the partition
        RecordingContext context = new RecordingContext(true);
        HdfsSinkTask second = start(context, Map.of(HdfsSinkConfig.FLUSH_SIZE, "3"));
        second.open(List.of(P0));

        // then it rewinds the consumer to offset 3, ignores a redelivered older record, and writes 3.. once
        assertThat(context.rewinds).containsExactly(Map.entry(P0, 3L));
        second.put(records(0, 2, 6));
        assertThat(committedFiles()).containsExactlyInAnyOrder(
                "orders/customer=Alice/orders+0+0000000000+0000000002.jsonl",
                "orders/customer=Alice/orders+0+0000000003+0000000005.jsonl");
        assertThat(allLines()).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aCommitInterruptedAfterItsMarkerIsFinishedAndOneInterruptedBeforeIsDiscarded() throws IOException {
        // given a staging folder with its marker (all files written) and one without
        Path staging = root.resolve("data/orders/_tmp");
        Path whole = staging.resolve("orders+0+0000000000+0000000001.jsonl.d");
        write(whole.resolve("customer=Alice/orders+0+0000000000+0000000000.jsonl"), TestRecords.orderJson("a", "Alice"));
        write(whole.resolve("customer=Bob/orders+0+0000000001+0000000001.jsonl"), TestRecords.orderJson("b", "Bob"));
        write(whole.resolve(FileCommitter.MARKER), "");
        Path broken = staging.resolve("orders+0+0000000002+0000000003.jsonl.d");
        write(broken.resolve("customer=Alice/orders+0+0000000002+0000000003.jsonl"), TestRecords.orderJson("c", "Alice"));
        Path otherPartition = staging.resolve("orders+1+0000000000+0000000000.jsonl.d");
        write(otherPartition.resolve("customer=Eva/orders+1+0000000000+0000000000.jsonl"), "{}");

        // when a task opens partition 0
        RecordingContext context = new RecordingContext(true);
        start(context, Map.of()).open(List.of(P0));

        // then the whole batch is published, the broken one is gone, and the task resumes at offset 2
        assertThat(committedFiles()).containsExactlyInAnyOrder(
                "orders/customer=Alice/orders+0+0000000000+0000000000.jsonl",
                "orders/customer=Bob/orders+0+0000000001+0000000001.jsonl");
        assertThat(context.rewinds).containsExactly(Map.entry(P0, 2L));
        assertThat(Files.exists(whole)).isFalse();
        assertThat(Files.exists(broken)).isFalse();
        assertThat(Files.exists(otherPartition)).as("another partition's batch is its owner's business").isTrue();
    }

    @Test
    void aBadRecordGoesToTheDeadLetterTopicAndItsOffsetIsStillCommitted() throws IOException {
        // given
        RecordingContext context = new RecordingContext(true);
        HdfsSinkTask task = start(context, Map.of(HdfsSinkConfig.FLUSH_SIZE, "3"));
        task.open(List.of(P0));
        SinkRecord noCustomer = TestRecords.record(0, 1, "{\"orderId\":\"o-1\"}");

        // when
        task.put(List.of(TestRecords.order(0, 0, "Alice"), noCustomer, TestRecords.order(0, 2, "Alice")));

        // then
        assertThat(context.deadLetters).containsExactly(noCustomer);
        assertThat(committedFiles()).containsExactly("orders/customer=Alice/orders+0+0000000000+0000000002.jsonl");
        assertThat(lines("orders/customer=Alice/orders+0+0000000000+0000000002.jsonl")).hasSize(2);
        assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void withoutADeadLetterTopicABadRecordFailsTheTaskNamingTheRecord() {
        HdfsSinkTask task = start(new RecordingContext(false), Map.of());
        task.open(List.of(P0));

        assertThatThrownBy(() -> task.put(List.of(TestRecords.record(0, 7, "not json"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("orders-0@7").hasMessageContaining("JSON");
    }

    @Test
    void aFailedCommitKeepsTheBatchPausesThePartitionAndRetriesAfterTheBackoff() throws IOException {
        // given the staging folder cannot be created (a file is in its way)
        Path blocker = root.resolve("data/orders/_tmp");
        write(blocker, "in the way");
        RecordingContext context = new RecordingContext(true);
        HdfsSinkTask task = start(context, Map.of(HdfsSinkConfig.FLUSH_SIZE, "2", HdfsSinkConfig.RETRY_BACKOFF_MS, "1000"));
        task.open(List.of(P0));

        // when a batch is full
        task.put(records(0, 0, 2));

        // then nothing is committed, the partition is paused, and the offset does not move
        assertThat(committedFiles()).isEmpty();
        assertThat(context.paused).containsExactly(P0);
        assertThat(task.preCommit(Map.of())).isEmpty();

        // when HDFS recovers and the backoff passed
        Files.delete(blocker);
        clock.advance(Duration.ofSeconds(1));
        task.put(List.of());

        // then the same batch is committed and the partition resumes
        assertThat(committedFiles()).containsExactly("orders/customer=Alice/orders+0+0000000000+0000000001.jsonl");
        assertThat(context.paused).isEmpty();
        assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void afterMaxRetriesTheTaskFails() throws IOException {
        write(root.resolve("data/orders/_tmp"), "in the way");
        HdfsSinkTask task = start(new RecordingContext(true), Map.of(HdfsSinkConfig.FLUSH_SIZE, "1",
                HdfsSinkConfig.MAX_RETRIES, "1", HdfsSinkConfig.RETRY_BACKOFF_MS, "10"));
        task.open(List.of(P0));
        task.put(records(0, 0, 1));
        clock.advance(Duration.ofMillis(10));

        assertThatThrownBy(() -> task.put(List.of())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("after 2 attempts");
    }

    @Test
    void aRevokedPartitionsUncommittedRecordsAreLeftToItsNextOwner() throws IOException {
        HdfsSinkTask task = start(new RecordingContext(true), Map.of(HdfsSinkConfig.FLUSH_SIZE, "10"));
        task.open(List.of(P0));
        task.put(records(0, 0, 3));

        task.close(List.of(P0));

        assertThat(committedFiles()).isEmpty();
        assertThat(task.preCommit(Map.of())).isEmpty();
    }

    private HdfsSinkTask start(RecordingContext context, Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(HdfsSinkConfig.HDFS_URL, "file:///",
                HdfsSinkConfig.TOPICS_DIR, root.resolve("data").toString(), "hadoop.conf.fs.file.impl",
                "org.apache.hadoop.fs.RawLocalFileSystem", "hadoop.conf.fs.file.impl.disable.cache", "true"));
        props.putAll(overrides);
        HdfsSinkTask task = new HdfsSinkTask(clock);
        task.initialize(context);
        task.start(props);
        started.add(task);
        return task;
    }

    private static List<SinkRecord> records(int partition, long from, long to) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            records.add(TestRecords.order(partition, offset, "Alice"));
        }
        return records;
    }

    /** Committed files relative to the topics folder: what a reader sees (no staging, no hidden files). */
    private List<String> committedFiles() throws IOException {
        Path data = root.resolve("data");
        if (!Files.exists(data)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).map(path -> data.relativize(path).toString())
                    .filter(path -> !path.contains("/_") && !path.contains("/.")).toList();
        }
    }

    private List<String> stagingLeft() throws IOException {
        Path staging = root.resolve("data/orders/_tmp");
        if (!Files.exists(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.map(Path::toString).toList();
        }
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(root.resolve("data").resolve(file), StandardCharsets.UTF_8);
    }

    private List<String> allLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String file : committedFiles()) {
            lines.addAll(lines(file));
        }
        return lines;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
