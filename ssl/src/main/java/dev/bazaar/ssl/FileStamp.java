package dev.bazaar.ssl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a file was when it was read: its identity (inode), modification time and size. The stores are
 * written by replacing the file (a new inode), so any rewrite or deletion shows as another stamp, and
 * what was read from a file can be reused while its stamp stays the same.
 */
record FileStamp(Object fileKey, FileTime modified, long size) {

    /** The stamp of {@code file} now; empty when it does not exist or cannot be looked at (read it again then). */
    static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size()));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            System.getLogger(FileStamp.class.getName()).log(System.Logger.Level.DEBUG,
                    "cannot look at {0}, reading it anew: {1}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Whether {@code file} is still what this stamp saw. */
    boolean matches(Path file) {
        return of(file).filter(now -> Objects.equals(now, this)).isPresent();
    }
}
