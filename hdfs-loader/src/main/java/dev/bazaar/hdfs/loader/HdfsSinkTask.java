package dev.bazaar.hdfs.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands the records of its Kafka partitions in HDFS exactly once. Records are collected per
 * partition and committed together (see {@link FileCommitter}) when {@code flush.size} records
 * arrived or {@code rotate.interval.ms} passed; only then does the task report the partition's
 * offset to Connect. On start it takes each partition's position from the committed files, not
 * from Kafka, so a crash (the worker killed mid-batch) re-reads exactly what was not committed.
 * An HDFS error keeps the batch and pauses its partition until a retry succeeds, up to
 * {@code max.retries}; a record that cannot be written goes to the dead-letter topic.
 */
public final class HdfsSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(HdfsSinkTask.class);

    private final Clock clock;
    private HdfsSinkConfig config;
    private FileSystem fs;
    private FileCommitter committer;
    private Folders folders;
    private ErrantRecordReporter deadLetters;
    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    public HdfsSinkTask() {
        this(Clock.systemUTC());
    }

    HdfsSinkTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return HdfsSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new HdfsSinkConfig(props);
        fs = openFileSystem(config);
        committer = new FileCommitter(fs, config.topicsDir());
        folders = Folders.of(config);
        deadLetters = deadLetterReporter();
        log.info("HDFS sink task writing to {}{} (flush.size {}, rotate.interval.ms {})", config.url(),
                config.topicsDir(), config.flushSize(), config.rotateInterval().toMillis());
    }

    private ErrantRecordReporter deadLetterReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            log.warn("This Connect worker cannot report errant records; a bad record fails the task", e);
            return null;
        }
    }

    @Override
    public void open(Collection<TopicPartition> assigned) {
        for (TopicPartition tp : assigned) {
            Optional<Long> position;
            try {
                position = committer.recover(tp.topic(), tp.partition());
            } catch (IOException e) {
                throw new ConnectException("cannot read the committed files of " + tp + " under "
                        + committer.topicDir(tp.topic()) + " to recover its position", e);
            }
            partitions.put(tp, new PartitionState(position));
            position.ifPresent(next -> context.offset(tp, next));
            log.info("{}: {}", tp, position.map(next -> "resuming at offset " + next + " after the committed files")
                    .orElse("no committed file yet; starting from the group's position"));
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        Instant now = clock.instant();
        for (SinkRecord record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.kafkaPartition());
            PartitionState state = partitions.get(tp);
            if (state == null || state.seen(record.kafkaOffset())) {
                continue;
            }
            PartitionBatch batch = state.openOrStart(tp.topic(), tp.partition(), now);
            take(record, batch);
            state.taken(record.kafkaOffset());
            if (batch.records() >= config.flushSize()) {
                rotate(tp, state, now);
            }
        }
        rotateDue(now);
    }

    private void take(SinkRecord record, PartitionBatch batch) {
        try {
            JsonLine line = JsonLine.of(record);
            batch.add(record.kafkaOffset(), folders.folderOf(record, line), line.bytes());
        } catch (BadRecordException e) {
            if (deadLetters == null) {
                throw new ConnectException("cannot write the record at " + record.topic() + "-"
                        + record.kafkaPartition() + "@" + record.kafkaOffset() + ": " + e.getMessage(), e);
            }
            log.trace("Record {}-{}@{} to the dead-letter topic: {}", record.topic(), record.kafkaPartition(),
                    record.kafkaOffset(), e.getMessage());
            batch.skip(record.kafkaOffset(), deadLetters.report(record, e));
        }
    }

    /** Commits every batch whose time is up, and retries failed commits whose backoff passed. */
    private void rotateDue(Instant now) {
        partitions.forEach((tp, state) -> {
            if (state.retryDue(now)) {
                commitPending(tp, state, now);
            }
            PartitionBatch open = state.open();
            if (open != null && !open.isEmpty()
                    && !now.isBefore(open.openedAt().plus(config.rotateInterval()))) {
                rotate(tp, state, now);
            }
        });
    }

    private void rotate(TopicPartition tp, PartitionState state, Instant now) {
        if (state.freeze()) {
            commitPending(tp, state, now);
        }
    }

    private void commitPending(TopicPartition tp, PartitionState state, Instant now) {
        PartitionBatch batch = state.pending().orElseThrow();
        try {
            awaitDeadLetters(batch);
            committer.commit(batch);
            log.debug("{}: committed offsets {}..{} ({} records, {} files)", tp, batch.first(), batch.last(),
                    batch.records(), batch.folders().size());
            boolean wasFailing = state.failedAttempts() > 0;
            state.committed();
            if (wasFailing) {
                log.info("{}: committed offsets {}..{} after HDFS recovered; resuming the partition", tp,
                        batch.first(), batch.last());
                context.resume(tp);
            }
        } catch (IOException | UncheckedIOException e) {
            int failures = state.failed(now, backoff(state.failedAttempts()));
            if (failures > config.maxRetries()) {
                throw new ConnectException("cannot commit offsets " + batch.first() + ".." + batch.last() + " of " + tp
                        + " to " + config.url() + " after " + failures + " attempts", e);
            }
            log.warn("{}: commit of offsets {}..{} failed (attempt {} of {}), retrying in {} ms; partition paused",
                    tp, batch.first(), batch.last(), failures, config.maxRetries() + 1,
                    backoff(failures - 1).toMillis(), e);
            context.pause(tp);
        }
    }

    private Duration backoff(int failuresBefore) {
        long millis = config.retryBackoff().toMillis() << Math.min(failuresBefore, 20);
        return Duration.ofMillis(Math.min(millis, config.retryBackoffMax().toMillis()));
    }

    private static void awaitDeadLetters(PartitionBatch batch) throws IOException {
        for (Future<Void> report : batch.deadLetters()) {
            try {
                report.get();
            } catch (ExecutionException e) {
                throw new ConnectException("cannot write a bad record to the dead-letter topic", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while writing to the dead-letter topic", e);
            }
        }
        batch.deadLetters().clear();
    }

    /** The offsets of what is committed: Connect stores them for the group, HDFS remains the truth. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        rotateDue(clock.instant());
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        partitions.forEach((tp, state) -> {
            if (state.committedNext() >= 0) {
                committed.put(tp, new OffsetAndMetadata(state.committedNext()));
            }
        });
        return committed;
    }

    /** A revoked partition's uncommitted records are dropped: its next owner reads them again. */
    @Override
    public void close(Collection<TopicPartition> revoked) {
        for (TopicPartition tp : revoked) {
            PartitionState state = partitions.remove(tp);
            if (state != null && state.open() != null && !state.open().isEmpty()) {
                log.info("{}: revoked with {} uncommitted records; the next owner reads them again", tp,
                        state.open().records());
            }
        }
    }

    @Override
    public void stop() {
        close(Set.copyOf(partitions.keySet()));
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException e) {
                log.warn("Closing the HDFS client failed", e);
            }
        }
    }

    private static FileSystem openFileSystem(HdfsSinkConfig config) {
        Configuration conf = new Configuration();
        config.hadoopSettings().forEach(conf::set);
        URI url = config.url();
        try {
            return config.user().isEmpty() ? FileSystem.newInstance(url, conf)
                    : FileSystem.newInstance(url, conf, config.user());
        } catch (IOException e) {
            throw new ConnectException("cannot connect to " + url + " (" + HdfsSinkConfig.HDFS_URL + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while connecting to " + url, e);
        }
    }
}
