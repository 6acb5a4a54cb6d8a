package dev.bazaar.platform.mirror;

import dev.bazaar.common.KafkaConnection;
import dev.bazaar.common.mirror.Checkpoints;
import dev.bazaar.common.mirror.GroupFailover;
import dev.bazaar.common.mirror.MirrorNames;
import dev.bazaar.common.mirror.ReplicationLag;
import dev.bazaar.platform.kafka.KafkaCluster;
import dev.bazaar.platform.process.Poll;
import dev.bazaar.setup.PlatformSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * What {@code bazaar mirror} does: shows how far the mirror cluster is behind main and what
 * MirrorMaker last checkpointed per consumer group, and fails a group over to the mirror.
 * Operator commands, so they connect as the super user of each cluster.
 */
public final class MirrorControl {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final List<String> topics = PlatformSpec.load().mirroredTopics();
    private final KafkaConnection main;
    private final KafkaConnection mirror;
    private final Duration checkpointWait;

    public MirrorControl(KafkaConnection main, KafkaConnection mirror, Duration checkpointWait) {
        this.main = main;
        this.mirror = mirror;
        this.checkpointWait = checkpointWait;
    }

    /** Replication lag per copied topic. */
    public List<ReplicationLag.TopicLag> lag() throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = KafkaCluster.admin(main)) {
            return new ReplicationLag(topics, admin, main.clientProperties(), mirror.clientProperties(), TIMEOUT)
                    .measure(Instant.now());
        }
    }

    /** MirrorMaker's latest checkpoint of every group and partition. */
    public List<Checkpoints.Entry> checkpoints() {
        return Checkpoints.latest(mirror.clientProperties(), TIMEOUT);
    }

    /** Commits {@code group}'s translated offsets on the mirror cluster; see {@link GroupFailover}. */
    public List<GroupFailover.Move> failOver(String group, PrintStream out)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin mirrorAdmin = KafkaCluster.admin(mirror); Admin mainAdmin = KafkaCluster.admin(main)) {
            Optional<Admin> reachableMain = GroupFailover.answering(mainAdmin, TIMEOUT);
            return new GroupFailover(topics, mirrorAdmin, mirror.clientProperties(), TIMEOUT, checkpointWait,
                    Poll::pause).failOver(group, reachableMain, out::println);
        }
    }

    /** Prints the lag table and the checkpoints per group. */
    public void printStatus(PrintStream out) throws ExecutionException, InterruptedException, TimeoutException {
        Instant now = Instant.now();
        String format = "%-16s %-22s %10s %12s%n";
        out.printf(format, "TOPIC", "COPY ON MIRROR", "LAG (REC)", "LAG (TIME)");
        for (ReplicationLag.TopicLag lag : lag()) {
            out.printf(format, lag.topic(), lag.copy(), lag.records(), seconds(lag.behind()));
        }
        out.println();
        Map<String, List<Checkpoints.Entry>> byGroup = new TreeMap<>();
        checkpoints().forEach(entry -> byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>())
                .add(entry));
        if (byGroup.isEmpty()) {
            out.println("no consumer group checkpoints yet (" + MirrorNames.CHECKPOINTS + ")");
            return;
        }
        String groups = "%-28s %10s %-24s %s%n";
        out.printf(groups, "GROUP", "PARTITIONS", "LAST CHECKPOINT", "AGE");
        byGroup.forEach((group, entries) -> {
            Instant last = entries.stream().map(Checkpoints.Entry::written).max(Instant::compareTo).orElseThrow();
            out.printf(groups, group, entries.size(), last.truncatedTo(ChronoUnit.SECONDS),
                    seconds(Duration.between(last, now)));
        });
    }

    /** Prints what a failover did. */
    public static void printMoves(String group, List<GroupFailover.Move> moves, PrintStream out) {
        String format = "%-22s %16s %16s %16s%n";
        out.printf(format, "COPY ON MIRROR", "OFFSET ON MAIN", "CHECKPOINTED", "SET ON MIRROR");
        for (GroupFailover.Move move : moves) {
            out.printf(format, move.copy(), move.committedOnMain() == null ? "-" : move.committedOnMain(),
                    move.checkpointedOnMain(), move.committedOnMirror());
        }
        out.printf("group '%s' now resumes on the mirror cluster at these offsets; on main it is left as it was%n",
                group);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
