package dev.bazaar.platform.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A component that did not come up: says which, why, where its log is, and the log's last lines. */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int TAIL = 15;

    public StartupFailure(String component, Path log, String why) {
        super(component + " did not start: " + why + System.lineSeparator() + "  log: " + log + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL), lines.size());
            return last.isEmpty() ? "" : System.lineSeparator() + "  last lines:" + System.lineSeparator() + "    "
                    + String.join(System.lineSeparator() + "    ", last);
        } catch (IOException e) {
            return " (unreadable: " + e.getMessage() + ")";
        }
    }
}
