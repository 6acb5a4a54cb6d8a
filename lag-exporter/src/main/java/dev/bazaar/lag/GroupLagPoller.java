package dev.bazaar.lag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one cluster's consumer groups with one admin client: lists the groups, describes them (state
 * and members), reads their committed offsets and the ends of the partitions they committed on — four
 * requests a poll, however many groups — and keeps each partition's {@link EndOffsetHistory} so the lag
 * is also told in seconds. The ends are the last stable offsets (read_committed): a transactional
 * consumer cannot pass an open transaction, so its lag is measured to what it can read.
 */
final class GroupLagPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupLagPoller.class);

    private final String cluster;
    private final Admin admin;
    private final Duration timeout;
    private final Clock clock;
    private final int historyCapacity;
    private final Map<TopicPartition, EndOffsetHistory> histories = new HashMap<>();

    GroupLagPoller(String cluster, Admin admin, Duration timeout, Clock clock, int historyCapacity) {
        this.cluster = cluster;
        this.admin = admin;
        this.timeout = timeout;
        this.clock = clock;
        this.historyCapacity = historyCapacity;
    }

    String cluster() {
        return cluster;
    }

    /** One poll; fails (naming the cluster) when the cluster does not answer within the timeout. */
    GroupLag poll() throws InterruptedException {
        try {
            Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
            List<String> ids = listings.stream().map(GroupListing::groupId).sorted().toList();
            if (ids.isEmpty()) {
                return new GroupLag(cluster, clock.instant(), List.of());
            }
            Map<String, ConsumerGroupDescription> described = get(admin.describeConsumerGroups(ids).all());
            Map<String, ListConsumerGroupOffsetsSpec> specs = ids.stream()
                    .collect(Collectors.toMap(id -> id, id -> new ListConsumerGroupOffsetsSpec()));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = get(
                    admin.listConsumerGroupOffsets(specs).all());
            Map<TopicPartition, Long> ends = ends(committed.values().stream()
                    .flatMap(offsets -> offsets.keySet().stream()).distinct().toList());
            Instant now = clock.instant();
            ends.forEach((partition, end) -> histories
                    .computeIfAbsent(partition, p -> new EndOffsetHistory(historyCapacity)).record(now, end));
            histories.keySet().retainAll(ends.keySet());
            List<GroupLag.Group> groups = new ArrayList<>();
            for (String id : ids) {
                ConsumerGroupDescription description = described.get(id);
                groups.add(new GroupLag.Group(id, description == null ? "UNKNOWN" : description.groupState().toString(),
                        description == null ? 0 : description.members().size(),
                        partitions(committed.getOrDefault(id, Map.of()), ends, now)));
            }
            return new GroupLag(cluster, now, groups);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cluster " + cluster + " did not answer the lag poll: " + cause, cause);
        }
    }

    private List<GroupLag.Partition> partitions(Map<TopicPartition, OffsetAndMetadata> offsets,
            Map<TopicPartition, Long> ends, Instant now) {
        List<GroupLag.Partition> partitions = new ArrayList<>();
        offsets.forEach((partition, offset) -> {
            Long end = ends.get(partition);
            if (offset == null || end == null) {
                return;
            }
            double behind = histories.get(partition).secondsBehind(now, offset.offset());
            partitions.add(new GroupLag.Partition(partition.topic(), partition.partition(), offset.offset(), end, behind));
        });
        partitions.sort(Comparator.comparing(GroupLag.Partition::topic).thenComparingInt(GroupLag.Partition::partition));
        return partitions;
    }

    /** The last stable offset of each partition; a partition whose topic is gone is left out. */
    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions)
            throws InterruptedException, TimeoutException, ExecutionException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult result = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                ends.put(partition, result.partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .offset());
            } catch (ExecutionException e) {
                // a deleted topic or one the exporter may not describe: its groups' lag on it is unknown, not zero
                log.debug("{}: no end offset of {}: {}", cluster, partition, e.getCause());
            }
        }
        return ends;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
