package dev.bazaar.hdfs.loader;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The records of one Kafka partition since its last commit, held until they are committed together:
 * a line per record in the buffer of its folder, and the offsets of what went to the dead-letter
 * topic instead. A batch covers consecutive offsets {@code first..last} of its partition; committing
 * it writes one file per folder, named after the offsets of the lines in that file.
 */
final class PartitionBatch {

    private final String topic;
    private final int partition;
    private final Instant openedAt;
    private final Map<String, Lines> folders = new LinkedHashMap<>();
    private final List<Future<Void>> deadLetters = new ArrayList<>();
    private long first = -1;
    private long last = -1;
    private int records;

    PartitionBatch(String topic, int partition, Instant openedAt) {
        this.topic = topic;
        this.partition = partition;
        this.openedAt = openedAt;
    }

    void add(long offset, String folder, byte[] line) {
        advance(offset);
        folders.computeIfAbsent(folder, key -> new Lines(offset)).add(offset, line);
    }

    /** A record that went to the dead-letter topic: its offset is covered, no line is written. */
    void skip(long offset, Future<Void> deadLetter) {
        advance(offset);
        if (deadLetter != null) {
            deadLetters.add(deadLetter);
        }
    }

    private void advance(long offset) {
        if (first < 0) {
            first = offset;
        }
        last = offset;
        records++;
    }

    boolean isEmpty() {
        return records == 0;
    }

    int records() {
        return records;
    }

    Instant openedAt() {
        return openedAt;
    }

    String topic() {
        return topic;
    }

    int partition() {
        return partition;
    }

    long first() {
        return first;
    }

    long last() {
        return last;
    }

    List<Future<Void>> deadLetters() {
        return deadLetters;
    }

    /** Each folder's file: its name and its lines. */
    Map<String, Lines> folders() {
        return folders;
    }

    /** The lines of one folder's file and the offsets of its first and last line. */
    static final class Lines {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long first;
        private long last;

        private Lines(long first) {
            this.first = first;
        }

        private void add(long offset, byte[] line) {
            bytes.writeBytes(line);
            bytes.write('\n');
            last = offset;
        }

        CommittedFile file(String topic, int partition) {
            return new CommittedFile(topic, partition, first, last);
        }

        void writeTo(java.io.OutputStream out) throws java.io.IOException {
            bytes.writeTo(out);
        }

        int size() {
            return bytes.size();
        }
    }
}
