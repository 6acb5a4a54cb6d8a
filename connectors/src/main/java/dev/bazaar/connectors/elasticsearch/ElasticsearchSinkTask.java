package dev.bazaar.connectors.elasticsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.connectors.retry.RetryPolicy;
import dev.bazaar.connectors.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records to Elasticsearch in bulk requests and lets Connect commit an offset only once
 * the writes of all records before it were acknowledged.
 *
 * <p>Records are buffered by {@link #put}; a bulk request goes out when {@code batch.size} records
 * are buffered, when the oldest has waited {@code linger.ms} (the task sets Connect's poll timeout
 * so that put is called again by then), and in {@link #preCommit}, which
 * writes everything buffered and then returns, per partition, the lowest offset still not
 * acknowledged (or Connect's own position when nothing is pending). After a crash Connect
 * redelivers from there and the same ids are written again, which leaves the index as it was.
 *
 * <p>One bulk request is in flight per task, sent from the task thread: a later write for a key
 * cannot overtake an earlier one, and parallelism comes from {@code tasks.max} and the topic's
 * partitions. A write failure that retries cannot fix fails the task: the failing put throws, or,
 * when it happens in preCommit, the acknowledged offsets are still returned and the next put throws.
 */
public final class ElasticsearchSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSinkTask.class);
    private static final long MILLI_IN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Function<ElasticsearchSinkConfig, BulkClient> clientFactory;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;

    private final PendingRecords pending = new PendingRecords();
    private final Set<String> ensuredIndices = new HashSet<>();
    private ElasticsearchSinkConfig config;
    private BulkClient client;
    private RetryPolicy retryPolicy;
    private IndexRouter router;
    private RecordConverter converter;
    private BulkWriter writer;
    private MalformedRecords malformed;
    private ConnectException failure;
    private long acknowledged;
    private long startNanos;

    /** The task Connect instantiates. */
    public ElasticsearchSinkTask() {
        this(ElasticsearchBulkClient::create, Sleeper.THREAD, System::nanoTime);
    }

    /** A task over another client, sleeper and clock, for tests. */
    ElasticsearchSinkTask(Function<ElasticsearchSinkConfig, BulkClient> clientFactory, Sleeper sleeper,
            LongSupplier nanoClock) {
        this.clientFactory = clientFactory;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
    }

    @Override
    public String version() {
        return ElasticsearchSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        startNanos = nanoClock.getAsLong();
        config = new ElasticsearchSinkConfig(props);
        client = clientFactory.apply(config);
        retryPolicy = config.retryPolicy(sleeper);
        router = IndexRouter.from(config);
        converter = new RecordConverter(router, new JsonDocuments(new ObjectMapper()),
                config.behaviorOnNullValues());
        writer = new BulkWriter(client, retryPolicy);
        Optional<ErrantRecordReporter> reporter = Optional.ofNullable(context.errantRecordReporter());
        malformed = new MalformedRecords(config.behaviorOnMalformedDocuments(), reporter);
        log.info("Started Elasticsearch sink task for {}: batch.size {}, linger {} ms, malformed records: {}",
                config.urls(), config.batchSize(), config.linger().toMillis(),
                reporter.isPresent() ? "errant record reporter" : config.behaviorOnMalformedDocuments());
    }

    /** Creates the indices of newly assigned topics, when {@code index.create} asks for it. */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        if (config.indexCreate()) {
            partitions.stream().map(TopicPartition::topic).distinct().map(router::indexFor).forEach(this::ensureIndex);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (failure != null) {
            throw new ConnectException("An earlier write to Elasticsearch failed: " + failure.getMessage(), failure);
        }
        try {
            buffer(records);
            while (pending.size() >= config.batchSize()) {
                writeBatch();
            }
            writeOrAwaitLinger();
        } catch (RuntimeException e) {
            failure = e instanceof ConnectException connect ? connect
                    : new ConnectException("Writing to Elasticsearch failed", e);
            throw e;
        }
    }

    /**
     * Writes everything buffered, then returns the offsets whose records are all acknowledged. A
     * failed write is kept to fail the task at the next put; the offsets acknowledged before it
     * are still returned.
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (failure == null) {
            try {
                writeAll();
            } catch (RuntimeException e) {
                failure = e instanceof ConnectException connect ? connect
                        : new ConnectException("Writing to Elasticsearch failed", e);
                log.error("Writing to Elasticsearch failed; committing acknowledged offsets only, the task fails "
                        + "at its next put", e);
            }
        }
        return acknowledgedOffsets(currentOffsets);
    }

    /** Forgets buffered records of revoked partitions: their next owner reads them again from the committed offset. */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        int dropped = pending.drop(partitions);
        if (dropped > 0) {
            log.info("Dropped {} unacknowledged records of closed partitions {}", dropped, partitions);
        }
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
        log.info("Stopped Elasticsearch sink task after {}: {} writes acknowledged, {} malformed records, {} "
                + "records still buffered", Duration.ofNanos(nanoClock.getAsLong() - startNanos), acknowledged,
                malformed == null ? 0 : malformed.count(), pending.size());
    }

    private void buffer(Collection<SinkRecord> records) {
        long now = nanoClock.getAsLong();
        List<Future<Void>> reports = new ArrayList<>();
        for (SinkRecord record : records) {
            try {
                converter.toAction(record).ifPresent(action -> pending.add(new PendingRecord(record, action, now)));
            } catch (MalformedRecordException e) {
                malformed.handle(record, e.getMessage()).ifPresent(reports::add);
            }
        }
        MalformedRecords.awaitAll(reports);
    }

    /**
     * Writes the partial batch once its oldest record has waited {@code linger.ms}; until then asks
     * the worker to poll again, and so call put, no later than the linger ends, instead of blocking
     * in poll until the next offset commit.
     */
    private void writeOrAwaitLinger() {
        OptionalLong oldest = pending.oldestBufferedAtNanos();
        if (oldest.isEmpty()) {
            return;
        }
        long lingerLeftNanos = config.linger().toNanos() - (nanoClock.getAsLong() - oldest.getAsLong());
        if (lingerLeftNanos <= 0) {
            writeAll();
        } else {
            context.timeout(Math.max(1L, TimeUnit.NANOSECONDS.toMillis(lingerLeftNanos + MILLI_IN_NANOS - 1)));
        }
    }

    private void writeAll() {
        while (!pending.isEmpty()) {
            writeBatch();
        }
    }

    private void writeBatch() {
        List<PendingRecord> batch = pending.oldest(config.batchSize());
        if (config.indexCreate()) {
            batch.stream().map(p -> p.action().index()).distinct().forEach(this::ensureIndex);
        }
        long started = nanoClock.getAsLong();
        List<BulkWriter.Rejection> rejections = writer.write(batch);
        List<Future<Void>> reports = new ArrayList<>();
        for (BulkWriter.Rejection rejection : rejections) {
            DocumentAction action = rejection.pending().action();
            malformed.handle(rejection.pending().record(), "Elasticsearch rejected document " + action.id()
                    + " in index " + action.index() + ": " + rejection.reason()).ifPresent(reports::add);
        }
        MalformedRecords.awaitAll(reports);
        pending.acknowledgeOldest(batch.size());
        acknowledged += batch.size() - rejections.size();
        log.debug("Wrote a batch of {} records ({} malformed) in {} ms; {} still buffered", batch.size(),
                rejections.size(), Duration.ofNanos(nanoClock.getAsLong() - started).toMillis(), pending.size());
    }

    private Map<TopicPartition, OffsetAndMetadata> acknowledgedOffsets(
            Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, Long> lowestPending = pending.lowestOffsets();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        currentOffsets.forEach((partition, current) -> {
            Long lowest = lowestPending.get(partition);
            offsets.put(partition,
                    lowest == null ? current : new OffsetAndMetadata(Math.min(lowest, current.offset())));
        });
        return offsets;
    }

    private void ensureIndex(String index) {
        if (ensuredIndices.contains(index)) {
            return;
        }
        for (int retry = 1; ; retry++) {
            try {
                boolean created = client.createIndexIfMissing(index, IndexMappings.items());
                log.info(created ? "Created index {} with the item mapping" : "Index {} exists; its mapping is kept",
                        index);
                ensuredIndices.add(index);
                return;
            } catch (BulkRequestException e) {
                if (!e.retriable()) {
                    throw new ConnectException("Cannot create index " + index + ": " + e.getMessage(), e);
                }
                retryPolicy.awaitRetry(retry, "Creating index " + index + " failed: " + e.getMessage(), e);
            }
        }
    }
}
