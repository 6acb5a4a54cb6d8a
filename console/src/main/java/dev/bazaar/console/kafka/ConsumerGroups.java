package dev.bazaar.console.kafka;

import dev.bazaar.common.Cluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups of the main cluster as the signed-in user may see them (Kafka lists only the
 * groups the principal may DESCRIBE, and the committed offsets of topics it may DESCRIBE), their lag
 * per partition in records, and the offset reset — previewed first, then applied as the user, so
 * Kafka's ACLs decide too and a group with members is refused by Kafka itself.
 */
public final class ConsumerGroups {

    /** A group in the list: its state, members, and records behind summed over its partitions. */
    public record Summary(String id, String state, int members, int topics, long lag) {
    }

    /** One partition of a group: committed offset, end, records behind. */
    public record PartitionLag(String topic, int partition, long committed, long end) {

        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    /** A member: client id, host, and the partitions assigned to it. */
    public record Member(String clientId, String host, List<String> assignment) {
    }

    /** A group in detail. */
    public record Detail(String id, String state, List<Member> members, List<PartitionLag> partitions) {
    }

    /** Where a reset moves a group: the earliest or latest offset, the first offset at a time, or an offset. */
    public sealed interface Target permits Earliest, Latest, AtTime, AtOffset {
    }

    public record Earliest() implements Target {
    }

    public record Latest() implements Target {
    }

    public record AtTime(Instant time) implements Target {
    }

    public record AtOffset(long offset) implements Target {
    }

    private ConsumerGroups() {
    }

    /** Every group the user may describe, with its lag. */
    public static List<Summary> list(UserClients kafka) throws InterruptedException, ExecutionException, TimeoutException {
        Admin admin = kafka.admin(Cluster.MAIN);
        Duration timeout = kafka.timeout();
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(), timeout);
        List<String> ids = listings.stream().map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> described = get(admin.describeConsumerGroups(ids).all(), timeout);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = get(admin.listConsumerGroupOffsets(
                ids.stream().collect(Collectors.toMap(Function.identity(), id -> new ListConsumerGroupOffsetsSpec())))
                .all(), timeout);
        Map<TopicPartition, Long> ends = ends(admin, committed.values().stream().flatMap(m -> m.keySet().stream())
                .collect(Collectors.toSet()), OffsetSpec.latest(), timeout);
        List<Summary> summaries = new ArrayList<>();
        for (String id : ids) {
            ConsumerGroupDescription description = described.get(id);
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(id, Map.of());
            long lag = offsets.entrySet().stream().filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, ends.get(e.getKey()) - e.getValue().offset())).sum();
            summaries.add(new Summary(id, description == null ? "UNKNOWN" : description.groupState().toString(),
                    description == null ? 0 : description.members().size(),
                    (int) offsets.keySet().stream().map(TopicPartition::topic).distinct().count(), lag));
        }
        return summaries;
    }

    /** One group in detail; empty when the user may not describe it or it does not exist. */
    public static Optional<Detail> detail(UserClients kafka, String id)
            throws InterruptedException, ExecutionException, TimeoutException {
        Admin admin = kafka.admin(Cluster.MAIN);
        Duration timeout = kafka.timeout();
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(id)).all(), timeout).get(id);
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(id)
                .partitionsToOffsetAndMetadata(), timeout);
        if (description == null || ("Dead".equalsIgnoreCase(description.groupState().toString()) && offsets.isEmpty())) {
            return Optional.empty();
        }
        Map<TopicPartition, Long> ends = ends(admin, offsets.keySet(), OffsetSpec.latest(), timeout);
        List<PartitionLag> partitions = new ArrayList<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && ends.containsKey(partition)) {
                partitions.add(new PartitionLag(partition.topic(), partition.partition(), offset.offset(),
                        ends.get(partition)));
            }
        });
        partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        List<Member> members = description.members().stream().map(ConsumerGroups::member).toList();
        return Optional.of(new Detail(id, description.groupState().toString(), members, partitions));
    }

    /** The offsets a reset of {@code topic} (every partition the group committed on it) to {@code target} would set. */
    public static Map<TopicPartition, Long> preview(UserClients kafka, String group, String topic, Target target)
            throws InterruptedException, ExecutionException, TimeoutException {
        Admin admin = kafka.admin(Cluster.MAIN);
        Duration timeout = kafka.timeout();
        Set<TopicPartition> partitions = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                timeout).keySet().stream().filter(p -> p.topic().equals(topic)).collect(Collectors.toSet());
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("group " + group + " has committed no offset on topic " + topic);
        }
        Map<TopicPartition, Long> earliest = ends(admin, partitions, OffsetSpec.earliest(), timeout);
        Map<TopicPartition, Long> latest = ends(admin, partitions, OffsetSpec.latest(), timeout);
        Map<TopicPartition, Long> moved = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        switch (target) {
            case Earliest e -> moved.putAll(earliest);
            case Latest l -> moved.putAll(latest);
            case AtOffset at -> partitions.forEach(p -> moved.put(p, Math.max(earliest.get(p),
                    Math.min(latest.get(p), at.offset()))));
            case AtTime at -> {
                Map<TopicPartition, Long> byTime = ends(admin, partitions, OffsetSpec.forTimestamp(at.time().toEpochMilli()),
                        timeout);
                // a time after the last record: the end (Kafka answers -1)
                partitions.forEach(p -> moved.put(p, byTime.getOrDefault(p, -1L) < 0 ? latest.get(p) : byTime.get(p)));
            }
        }
        return moved;
    }

    /** Sets the group's offsets as the user; Kafka refuses it while the group has members. */
    public static void reset(UserClients kafka, String group, Map<TopicPartition, Long> offsets)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
        get(kafka.admin(Cluster.MAIN).alterConsumerGroupOffsets(group, commit).all(), kafka.timeout());
    }

    private static Member member(MemberDescription member) {
        List<String> assigned = member.assignment().topicPartitions().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(TopicPartition::toString).toList();
        return new Member(member.clientId(), member.host(), assigned);
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec,
            Duration timeout) throws InterruptedException, TimeoutException, ExecutionException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        var result = admin.listOffsets(request);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                ends.put(partition, result.partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .offset());
            } catch (ExecutionException e) {
                // a topic the user may not describe, or one that is gone: its lag is not shown rather than wrong
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicAuthorizationException
                        || e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return ends;
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
