package dev.bazaar.hdfs.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** The worker's side of a sink task, recording what the task asked of it: rewinds, pauses, dead letters. */
final class RecordingContext implements SinkTaskContext {

    final Map<TopicPartition, Long> rewinds = new HashMap<>();
    final Set<TopicPartition> paused = new HashSet<>();
    final List<SinkRecord> deadLetters = new ArrayList<>();
    private final boolean hasReporter;

    RecordingContext(boolean hasReporter) {
        this.hasReporter = hasReporter;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return hasReporter ? this::report : null;
    }

    private Future<Void> report(SinkRecord record, Throwable error) {
        deadLetters.add(record);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        rewinds.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition partition, long offset) {
        rewinds.put(partition, offset);
    }

    @Override
    public void timeout(long timeoutMs) {
        throw new UnsupportedOperationException("the task never asks for a redelivery");
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
        paused.addAll(List.of(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
        List.of(partitions).forEach(paused::remove);
    }

    @Override
    public void requestCommit() {
        throw new UnsupportedOperationException("the task does not request commits");
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the task has no metrics");
    }
}
