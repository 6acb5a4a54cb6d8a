package dev.bazaar.platform.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs, counting a zombie as gone. A component started by a JVM that has
 * exited since (an earlier {@code bazaar up}, another module's tests) is re-parented to the machine's
 * init, which may reap it seconds later; until then the JDK reports the dead process as alive, and a
 * stop waited out its whole deadline for a server that had shut down in milliseconds.
 */
public final class Liveness {

    private Liveness() {
    }

    /** True while {@code handle}'s process exists and has not exited (a zombie has). */
    public static boolean alive(ProcessHandle handle) {
        return handle.isAlive() && !exited(Path.of("/proc", Long.toString(handle.pid()), "stat"));
    }

    /** Whether the {@code /proc/<pid>/stat} at {@code stat} says zombie or dead; false where there is no such file. */
    static boolean exited(Path stat) {
        try {
            String line = Files.readString(stat);
            // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'
            int end = line.lastIndexOf(')');
            char state = end >= 0 && end + 2 < line.length() ? line.charAt(end + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            // gone between the two looks, or no /proc (not Linux): the JDK's own answer stands
            return false;
        }
    }
}
