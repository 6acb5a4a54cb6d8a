package dev.bazaar.lag;

import java.time.Instant;
import java.util.List;

/**
 * One poll of one cluster: every consumer group's committed offsets against the partitions' ends, and
 * how many members each group has (a group with none is stopped, not slow: the lag alert is for the
 * others).
 */
record GroupLag(String cluster, Instant at, List<Group> groups) {

    GroupLag {
        groups = List.copyOf(groups);
    }

    /** A group: its state as the coordinator reports it, its members, and its lag on each partition it committed. */
    record Group(String id, String state, int members, List<Partition> partitions) {

        Group {
            partitions = List.copyOf(partitions);
        }
    }

    /** A partition a group committed an offset on: the records and the seconds it is behind the end. */
    record Partition(String topic, int partition, long committed, long end, double secondsBehind) {

        long records() {
            return Math.max(0, end - committed);
        }
    }
}
