package dev.bazaar.connectors.sink;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The context a worker gives a sink task, reduced to what our tasks use: an assignment, the poll
 * timeout a task asks for and, when the connector has a dead letter queue, an errant record reporter;
 * it records what it is given.
 */
public final class FakeSinkTaskContext implements SinkTaskContext {

    /** A record reported as errant, with the error it was reported with. */
    public record Reported(SinkRecord record, Throwable error) {
    }

    public final List<Reported> reported = new CopyOnWriteArrayList<>();
    /** Each poll timeout the task asked for, in milliseconds. */
    public final List<Long> timeouts = new CopyOnWriteArrayList<>();
    private final boolean hasReporter;
    private final Set<TopicPartition> assignment = new HashSet<>();

    public FakeSinkTaskContext(boolean hasReporter) {
        this.hasReporter = hasReporter;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return hasReporter ? this::report : null;
    }

    private Future<Void> report(SinkRecord record, Throwable error) {
        reported.add(new Reported(record, error));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        throw new UnsupportedOperationException("the task does not rewind");
    }

    @Override
    public void offset(TopicPartition partition, long offset) {
        throw new UnsupportedOperationException("the task does not rewind");
    }

    @Override
    public void timeout(long timeoutMs) {
        timeouts.add(timeoutMs);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public void pause(TopicPartition... partitions) {
        throw new UnsupportedOperationException("the task does not pause");
    }

    @Override
    public void resume(TopicPartition... partitions) {
        throw new UnsupportedOperationException("the task does not pause");
    }

    @Override
    public void requestCommit() {
        throw new UnsupportedOperationException("the task does not request commits");
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the task has no metrics");
    }
}
