package dev.bazaar.platform.cli;

import dev.bazaar.common.Cluster;
import dev.bazaar.common.mirror.GroupFailover;
import dev.bazaar.platform.Platform;
import dev.bazaar.platform.mirror.MirrorControl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bazaar mirror status|failover}: the mirror cluster as MirrorMaker 2 keeps it. */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = "MirrorMaker 2 (main -> mirror): replication lag, checkpoints, group failover.",
        subcommands = {MirrorCommand.Status.class, MirrorCommand.Failover.class})
final class MirrorCommand {

    static MirrorControl control(Duration checkpointWait) {
        Platform platform = Bazaar.platform();
        return new MirrorControl(platform.adminConnection(Cluster.MAIN), platform.adminConnection(Cluster.MIRROR),
                checkpointWait);
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Per copied topic: records and seconds the mirror is behind; per group: the last checkpoint.")
    static final class Status implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            control(Duration.ZERO).printStatus(System.out);
            return 0;
        }
    }

    @Command(name = "failover", mixinStandardHelpOptions = true,
            description = "Commit a consumer group's offsets, translated through MirrorMaker's checkpoints, on the "
                    + "mirror cluster, so its consumers restarted against the mirror resume where they stopped. "
                    + "Leaves the group on main untouched; refused while the group has members.")
    static final class Failover implements Callable<Integer> {

        @Option(names = "--group", required = true, description = "The consumer group to move.")
        private String group;

        @Option(names = "--wait", defaultValue = "30", description = "Seconds to wait for checkpoints to catch up "
                + "with the group's offsets on main (default: ${DEFAULT-VALUE}).")
        private int waitSeconds;

        @Override
        public Integer call() throws Exception {
            if (waitSeconds < 0) {
                throw new IllegalArgumentException("--wait must be 0 or more seconds, was " + waitSeconds);
            }
            List<GroupFailover.Move> moves = control(Duration.ofSeconds(waitSeconds)).failOver(group, System.out);
            MirrorControl.printMoves(group, moves, System.out);
            return 0;
        }
    }
}
