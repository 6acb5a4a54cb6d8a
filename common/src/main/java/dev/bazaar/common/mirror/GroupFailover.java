package dev.bazaar.common.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Moves a consumer group to the mirror cluster: its committed offsets on main, translated through
 * MirrorMaker's checkpoints to the same places in the copies ({@code main.<topic>}), are committed
 * for the same group on the mirror, so its consumers restarted against the mirror resume where they
 * stopped. Translation never skips a record; it may re-deliver the few records between the group's
 * offset and the nearest offset sync before it. The group on main is left untouched. Refused while
 * the group has members on either cluster: they would keep moving or overwrite the offsets.
 */
public final class GroupFailover {

    /** One partition moved: the group's offset on main, what the checkpoint said, and the offset committed on the mirror. */
    public record Move(TopicPartition source, Long committedOnMain, long checkpointedOnMain, TopicPartition copy,
            long committedOnMirror) {
    }

    /** Refused: the group still has members. */
    public static final class GroupActiveException extends IllegalArgumentException {
        public GroupActiveException(String message) {
            super(message);
        }
    }

    private final List<String> topics;
    private final Admin mirror;
    private final Properties mirrorClient;
    private final Duration timeout;
    private final Duration checkpointWait;
    private final Runnable pause;

    /**
     * A failover of groups reading {@code topics} (main's names, those MirrorMaker copies), with an
     * admin client and client settings of the mirror cluster (READ of {@value MirrorNames#CHECKPOINTS},
     * ALTER of the groups), each call bounded by {@code timeout}; it waits up to {@code checkpointWait}
     * for checkpoints to catch up with a group's offsets on main, running {@code pause} between reads.
     */
    public GroupFailover(List<String> topics, Admin mirror, Properties mirrorClient, Duration timeout,
            Duration checkpointWait, Runnable pause) {
        this.topics = List.copyOf(topics);
        this.mirror = mirror;
        this.mirrorClient = mirrorClient;
        this.timeout = timeout;
        this.checkpointWait = checkpointWait;
        this.pause = pause;
    }

    /**
     * Fails {@code group} over: {@link #plan} then {@link #commit}. {@code main} is empty when the main
     * cluster does not answer, and the last checkpoints are used as they are.
     */
    public List<Move> failOver(String group, Optional<Admin> main, Consumer<String> notes)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Move> moves = plan(group, main, notes);
        commit(group, moves);
        return moves;
    }

    /**
     * The offsets {@code group} would get on the mirror, changing nothing; refused while the group has
     * members, and when it has no checkpoint. What the caller should know (main not answering,
     * checkpoints behind) goes to {@code notes}, one line each.
     */
    public List<Move> plan(String group, Optional<Admin> main, Consumer<String> notes)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, Long> committed = Map.of();
        if (main.isPresent()) {
            refuseIfActive(main.get(), group, "main");
            committed = committedOnMain(main.get(), group);
            if (committed.isEmpty()) {
                throw new IllegalArgumentException("group '" + group + "' has no committed offsets on main for the "
                        + "mirrored topics " + topics);
            }
        } else {
            notes.accept("the main cluster does not answer: using the group's last checkpoints as they are");
        }
        refuseIfActive(mirror, group, "mirror");
        Map<TopicPartition, Checkpoints.Entry> checkpoints = awaitCheckpoints(group, committed, notes);
        if (checkpoints.isEmpty()) {
            throw new IllegalStateException("MirrorMaker has no checkpoint of group '" + group + "' on the mirror "
                    + "cluster yet (" + MirrorNames.CHECKPOINTS + "); is mirror-maker running? (./bazaar status)");
        }
        return moves(checkpoints.values(), committed);
    }

    /** Commits the offsets of {@code moves} for {@code group} on the mirror; Kafka refuses while it has members. */
    public void commit(String group, List<Move> moves)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = moves.stream().collect(Collectors.toMap(Move::copy,
                move -> new OffsetAndMetadata(move.committedOnMirror())));
        mirror.alterConsumerGroupOffsets(group, offsets).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code main} when it answers within {@code timeout}; empty when it does not (the failover then uses the last checkpoints). */
    public static Optional<Admin> answering(Admin main, Duration timeout) {
        try {
            main.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(main);
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** One move per checkpoint, in the order of the copies' names and partitions. */
    static List<Move> moves(Collection<Checkpoints.Entry> checkpoints, Map<TopicPartition, Long> committed) {
        return checkpoints.stream().map(entry -> {
            TopicPartition source = MirrorNames.source(entry.partition());
            return new Move(source, committed.get(source), entry.upstreamOffset(), entry.partition(),
                    entry.downstreamOffset());
        }).sorted(Comparator.comparing((Move m) -> m.copy().topic()).thenComparing(m -> m.copy().partition()))
                .toList();
    }

    private void refuseIfActive(Admin admin, String group, String cluster)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw e;
        }
        Collection<?> members = description.members();
        if (!members.isEmpty()) {
            throw new GroupActiveException("group '" + group + "' still has " + members.size() + " member(s) on the "
                    + cluster + " cluster (state " + description.groupState() + "); stop its consumers first, "
                    + "else they go on committing there");
        }
    }

    private Map<TopicPartition, Long> committedOnMain(Admin main, String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = main.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && topics.contains(partition.topic())) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /**
     * The group's latest checkpoints, waiting (up to the configured time) until they have caught
     * up with its committed offsets on main; a checkpoint is written only when the group's place
     * in the copy moves, so an exact match may never come, and that is safe: the older checkpoint
     * re-delivers, it never skips.
     */
    private Map<TopicPartition, Checkpoints.Entry> awaitCheckpoints(String group, Map<TopicPartition, Long> committed,
            Consumer<String> notes) {
        Instant deadline = Instant.now().plus(checkpointWait);
        while (true) {
            Map<TopicPartition, Checkpoints.Entry> latest = Checkpoints.latest(mirrorClient, timeout).stream()
                    .filter(entry -> entry.group().equals(group))
                    .collect(Collectors.toMap(entry -> MirrorNames.source(entry.partition()), entry -> entry,
                            (a, b) -> b));
            boolean caughtUp = caughtUp(latest, committed);
            if (caughtUp || Instant.now().isAfter(deadline)) {
                if (!caughtUp) {
                    notes.accept(String.format(Locale.ROOT, "checkpoints of '%s' are behind its offsets on main after "
                            + "%d s; using them (records in between are delivered again)", group,
                            checkpointWait.toSeconds()));
                }
                return latest.values().stream().collect(Collectors.toMap(Checkpoints.Entry::partition, e -> e));
            }
            pause.run();
        }
    }

    /** Whether the checkpoint of every partition the group committed on main is at or past its offset there. */
    static boolean caughtUp(Map<TopicPartition, Checkpoints.Entry> latest, Map<TopicPartition, Long> committed) {
        return committed.entrySet().stream().allMatch(e -> latest.containsKey(e.getKey())
                && latest.get(e.getKey()).upstreamOffset() >= e.getValue());
    }
}
