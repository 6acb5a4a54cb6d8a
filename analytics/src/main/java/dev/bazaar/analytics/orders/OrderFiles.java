package dev.bazaar.analytics.orders;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the committed order files under a root folder, at any depth ({@code customer=Alice/…},
 * {@code customer=Alice/date=2026-11-23/…}). A file or folder whose name starts with {@code _} or
 * {@code .} holds data the sink has not committed (or Hadoop's own bookkeeping) and is skipped with
 * everything below it. Listing here, rather than leaving it to Spark, makes that rule ours and exact:
 * Spark's own filter lets through {@code _} names that contain {@code =}.
 */
public final class OrderFiles {

    private static final Logger log = LoggerFactory.getLogger(OrderFiles.class);

    private OrderFiles() {
    }

    /** Whether a file or folder named {@code name} holds uncommitted data or bookkeeping. */
    public static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }

    /**
     * The committed files below {@code root}, as fully qualified paths in a stable order; none when the
     * root does not exist yet (no order was written). I/O failures, such as HDFS not answering, are thrown.
     */
    public static List<String> list(String root, Configuration hadoop) throws IOException {
        Path path = new Path(root);
        FileSystem fs = path.getFileSystem(hadoop);
        if (!fs.exists(path)) {
            log.warn("no orders yet: {} does not exist", root);
            return List.of();
        }
        List<String> files = new ArrayList<>();
        int[] skipped = new int[1];
        collect(fs, fs.getFileStatus(path), files, skipped);
        files.sort(null);
        log.info("{} committed order file(s) under {}; {} uncommitted or hidden path(s) skipped", files.size(), root,
                skipped[0]);
        return files;
    }

    private static void collect(FileSystem fs, FileStatus status, List<String> files, int[] skipped)
            throws IOException {
        if (status.isFile()) {
            files.add(fs.makeQualified(status.getPath()).toString());
            return;
        }
        for (FileStatus child : fs.listStatus(status.getPath())) {
            if (hidden(child.getPath().getName())) {
                skipped[0]++;
                log.debug("skipped {}", child.getPath());
            } else {
                collect(fs, child, files, skipped);
            }
        }
    }
}
