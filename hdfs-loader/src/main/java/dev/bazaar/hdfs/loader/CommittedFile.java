package dev.bazaar.hdfs.loader;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a committed file, which is the connector's only record of what it wrote: the topic,
 * the Kafka partition and the offsets of the first and last record in the file,
 * {@code <topic>+<partition>+<first>+<last>.jsonl} with offsets zero-padded to ten digits so names
 * sort by offset. A task restarting reads its position from these names, so they must parse back
 * exactly.
 */
public record CommittedFile(String topic, int partition, long firstOffset, long lastOffset) {

    public static final String EXTENSION = ".jsonl";
    private static final Pattern NAME = Pattern.compile("(.+)\\+(\\d+)\\+(\\d+)\\+(\\d+)" + Pattern.quote(EXTENSION));

    public CommittedFile {
        if (partition < 0 || firstOffset < 0 || lastOffset < firstOffset) {
            throw new IllegalArgumentException("not a file of records: partition " + partition + ", offsets "
                    + firstOffset + ".." + lastOffset);
        }
    }

    public String fileName() {
        return String.format(java.util.Locale.ROOT, "%s+%d+%010d+%010d%s", topic, partition, firstOffset, lastOffset,
                EXTENSION);
    }

    /** The file a name denotes, or empty for any other name (a temporary file, a checksum, someone else's file). */
    public static Optional<CommittedFile> parse(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long first = Long.parseLong(matcher.group(3));
            long last = Long.parseLong(matcher.group(4));
            if (last < first) {
                return Optional.empty();
            }
            return Optional.of(new CommittedFile(matcher.group(1), Integer.parseInt(matcher.group(2)), first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this file holds records of the given Kafka partition. */
    public boolean of(String topic, int partition) {
        return this.topic.equals(topic) && this.partition == partition;
    }
}
