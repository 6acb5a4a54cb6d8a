package dev.bazaar.platform.mirror;

import dev.bazaar.platform.process.Poll;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        GroupActiveException(String message) {
            super(message);
        }
    }

    private final List<String> topics;
    private final Admin mirror;
    private final Properties mirrorClient;
    private final Duration timeout;
    private final Duration checkpointWait;

    GroupFailover(List<String> topics, Admin mirror, Properties mirrorClient, Duration timeout,
            Duration checkpointWait) {
        this.topics = topics;
        this.mirror = mirror;
        this.mirrorClient = mirrorClient;
        this.timeout = timeout;
        this.checkpointWait = checkpointWait;
    }

    /**
     * Fails {@code group} over; {@code main} is empty when the main cluster does not answer, and the
     * last checkpoints are used as they are.
     */
    List<Move> failOver(String group, Optional<Admin> main, PrintStream out)
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
            out.println("the main cluster does not answer: using the group's last checkpoints as they are");
        }
        refuseIfActive(mirror, group, "mirror");
        Map<TopicPartition, Checkpoints.Entry> checkpoints = awaitCheckpoints(group, committed, out);
        if (checkpoints.isEmpty()) {
            throw new IllegalStateException("MirrorMaker has no checkpoint of group '" + group + "' on the mirror "
                    + "cluster yet (" + Checkpoints.TOPIC + "); is mirror-maker running? (./bazaar status)");
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = checkpoints.values().stream().collect(Collectors.toMap(
                Checkpoints.Entry::partition, entry -> new OffsetAndMetadata(entry.downstreamOffset())));
        mirror.alterConsumerGroupOffsets(group, offsets).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> onMain = committed;
        return checkpoints.values().stream().map(entry -> {
            TopicPartition source = source(entry.partition());
            return new Move(source, onMain.get(source), entry.upstreamOffset(), entry.partition(),
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
            PrintStream out) {
        Instant deadline = Instant.now().plus(checkpointWait);
        while (true) {
            Map<TopicPartition, Checkpoints.Entry> latest = Checkpoints.latest(mirrorClient, timeout).stream()
                    .filter(entry -> entry.group().equals(group))
                    .collect(Collectors.toMap(entry -> source(entry.partition()), entry -> entry, (a, b) -> b));
            boolean caughtUp = committed.entrySet().stream().allMatch(e -> latest.containsKey(e.getKey())
                    && latest.get(e.getKey()).upstreamOffset() >= e.getValue());
            if (caughtUp || Instant.now().isAfter(deadline)) {
                if (!caughtUp) {
                    out.printf("checkpoints of '%s' are behind its offsets on main after %d s; using them "
                            + "(records in between are delivered again)%n", group, checkpointWait.toSeconds());
                }
                return latest.values().stream().collect(Collectors.toMap(Checkpoints.Entry::partition, e -> e));
            }
            Poll.pause();
        }
    }

    /** The main partition a copy's partition comes from: {@code main.items-0} from {@code items-0}. */
    static TopicPartition source(TopicPartition copy) {
        String prefix = MirrorMaker.SOURCE + ".";
        if (!copy.topic().startsWith(prefix)) {
            throw new IllegalArgumentException("not a copy of a main topic: " + copy.topic());
        }
        return new TopicPartition(copy.topic().substring(prefix.length()), copy.partition());
    }
}
