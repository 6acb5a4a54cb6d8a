package dev.bazaar.connectors.elasticsearch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The context a worker gives a sink task, reduced to what the task uses: an assignment, the poll
 * timeout it asks for and, when the connector has a dead letter queue, an errant record reporter;
 * it records what it is given.
 */
final class FakeSinkTaskContext implements SinkTaskContext {

    /** A record reported as errant, with the error it was reported with. */
    record Reported(SinkRecord record, Throwable error) {
    }

    final List<Reported> reported = new ArrayList<>();
    /** Each poll timeout the task asked for, in milliseconds. */
    final List<Long> timeouts = new ArrayList<>();
    private final boolean hasReporter;
    private final Set<TopicPartition> assignment = new HashSet<>();

    FakeSinkTaskContext(boolean hasReporter) {
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
