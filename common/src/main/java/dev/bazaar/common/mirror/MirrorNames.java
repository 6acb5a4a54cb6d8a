package dev.bazaar.common.mirror;

import org.apache.kafka.common.TopicPartition;

/**
 * The names MirrorMaker 2 gives what it writes on the mirror cluster for the flow main → mirror:
 * the copies of main's topics ({@code main.<topic>}), its checkpoints and its worker's topics.
 */
public final class MirrorNames {

    /** The cluster aliases MM2 knows; the mirror's copies of main's topics are named {@code main.<topic>}. */
    public static final String SOURCE = "main";
    public static final String TARGET = "mirror";
    /** The consumer group checkpoints, per group and partition of a copy. */
    public static final String CHECKPOINTS = SOURCE + ".checkpoints.internal";
    /** The source offsets MirrorMaker's Connect worker commits: how far each main partition is copied. */
    public static final String SOURCE_OFFSETS = "mm2-offsets." + SOURCE + ".internal";
    /** The states of MirrorMaker's connectors and tasks, as its Connect worker records them. */
    public static final String STATUS = "mm2-status." + SOURCE + ".internal";

    private MirrorNames() {
    }

    /** The name of {@code topic}'s copy on the mirror cluster. */
    public static String mirrored(String topic) {
        return SOURCE + "." + topic;
    }

    /** The main partition a copy's partition comes from: {@code items-0} from {@code main.items-0}. */
    public static TopicPartition source(TopicPartition copy) {
        String prefix = SOURCE + ".";
        if (!copy.topic().startsWith(prefix)) {
            throw new IllegalArgumentException("not a copy of a main topic: " + copy.topic());
        }
        return new TopicPartition(copy.topic().substring(prefix.length()), copy.partition());
    }
}
