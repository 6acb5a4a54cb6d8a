package dev.bazaar.hdfs.loader;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a batch's files visible all or nothing, and tells a restarting task where its partition
 * stands. A commit writes every file of the batch into a staging folder
 * {@code <topic folder>/_tmp/<topic>+<partition>+<first>+<last>.d/} (readers skip names starting
 * with '_'), then a {@value #MARKER} file there, then renames each file to its place; a rename is
 * atomic, so no reader ever sees part of a file. Recovery finishes the renames of a staging folder
 * that has its marker (the batch was whole) and deletes one that has not (the records are read from
 * Kafka again); then the partition's position is one past the highest last offset in the names of
 * its committed files. Hence every record is in exactly one committed file, whatever moment a crash hits.
 */
final class FileCommitter {

    static final String STAGING = "_tmp";
    static final String MARKER = "_COMMITTING";
    private static final String STAGING_SUFFIX = ".d";
    private static final Logger log = LoggerFactory.getLogger(FileCommitter.class);

    private final FileSystem fs;
    private final Path topicsDir;

    FileCommitter(FileSystem fs, String topicsDir) {
        this.fs = fs;
        this.topicsDir = new Path(topicsDir);
    }

    Path topicDir(String topic) {
        return new Path(topicsDir, topic);
    }

    /** Writes and publishes the batch's files; on an exception nothing of it is visible, and it can be committed again. */
    void commit(PartitionBatch batch) throws IOException {
        if (batch.folders().isEmpty()) {
            return;
        }
        Path staging = stagingDir(batch);
        fs.delete(staging, true);
        for (Map.Entry<String, PartitionBatch.Lines> folder : batch.folders().entrySet()) {
            Path file = new Path(child(staging, folder.getKey()),
                    folder.getValue().file(batch.topic(), batch.partition()).fileName());
            try (FSDataOutputStream out = fs.create(file, false)) {
                folder.getValue().writeTo(out);
                out.hsync();
            }
        }
        fs.create(new Path(staging, MARKER), false).close();
        publish(staging, topicDir(batch.topic()));
        fs.delete(staging, true);
    }

    /**
     * Settles what a crash left of the partition's commits and returns the offset to read from
     * next, or empty when none of its records was ever committed.
     */
    Optional<Long> recover(String topic, int partition) throws IOException {
        Path topicDir = topicDir(topic);
        Path stagingRoot = new Path(topicDir, STAGING);
        if (fs.exists(stagingRoot)) {
            for (FileStatus staged : fs.listStatus(stagingRoot)) {
                String name = staged.getPath().getName();
                Optional<CommittedFile> batch = name.endsWith(STAGING_SUFFIX)
                        ? CommittedFile.parse(name.substring(0, name.length() - STAGING_SUFFIX.length()))
                        : Optional.empty();
                if (batch.isEmpty() || !batch.get().of(topic, partition)) {
                    continue;
                }
                if (fs.exists(new Path(staged.getPath(), MARKER))) {
                    log.info("Finishing the interrupted commit of {} offsets {}..{}", topic + "-" + partition,
                            batch.get().firstOffset(), batch.get().lastOffset());
                    publish(staged.getPath(), topicDir);
                } else {
                    log.info("Discarding the unfinished batch of {} offsets {}..{}: it is read from Kafka again",
                            topic + "-" + partition, batch.get().firstOffset(), batch.get().lastOffset());
                }
                fs.delete(staged.getPath(), true);
            }
        }
        return lastCommitted(topicDir, topic, partition).map(last -> last + 1);
    }

    private Optional<Long> lastCommitted(Path topicDir, String topic, int partition) throws IOException {
        if (!fs.exists(topicDir)) {
            return Optional.empty();
        }
        long last = -1;
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(topicDir, true);
        while (files.hasNext()) {
            Path path = files.next().getPath();
            if (hidden(path, topicDir)) {
                continue;
            }
            Optional<CommittedFile> file = CommittedFile.parse(path.getName());
            if (file.isPresent() && file.get().of(topic, partition)) {
                last = Math.max(last, file.get().lastOffset());
            }
        }
        return last < 0 ? Optional.empty() : Optional.of(last);
    }

    /** Moves every file of a staging folder but its marker to the same place under {@code target}. */
    private void publish(Path staging, Path target) throws IOException {
        String root = staging.toUri().getPath();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(staging, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (file.getName().equals(MARKER)) {
                continue;
            }
            String relative = file.toUri().getPath().substring(root.length() + 1);
            Path destination = new Path(target, relative);
            fs.mkdirs(destination.getParent());
            if (!fs.rename(file, destination)) {
                throw new IOException("cannot rename " + file + " to " + destination
                        + (fs.exists(destination) ? ": it exists" : ""));
            }
        }
    }

    private Path stagingDir(PartitionBatch batch) {
        return new Path(new Path(topicDir(batch.topic()), STAGING),
                new CommittedFile(batch.topic(), batch.partition(), batch.first(), batch.last()).fileName()
                        + STAGING_SUFFIX);
    }

    private static Path child(Path parent, String relative) {
        return relative.isEmpty() ? parent : new Path(parent, relative);
    }

    /** Whether a path below the topic folder is in a folder or file that readers skip ('_' or '.' first). */
    private static boolean hidden(Path path, Path topicDir) {
        String relative = path.toUri().getPath().substring(topicDir.toUri().getPath().length());
        for (String part : relative.split("/")) {
            if (part.startsWith("_") || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
