package dev.bazaar.platform.cli;

import dev.bazaar.platform.ComponentStatus;
import java.io.PrintStream;
import java.util.List;

/** Prints component statuses as an aligned table. */
final class StatusTable {

    private static final String FORMAT = "%-10s %-24s %-8s %-10s %s%n";

    private StatusTable() {
    }

    static void print(PrintStream out, List<ComponentStatus> statuses) {
        out.printf(FORMAT, "COMPONENT", "ADDRESS", "PID", "STATE", "LOG");
        for (ComponentStatus s : statuses) {
            out.printf(FORMAT, s.component(), s.address(), s.pid() == null ? "-" : s.pid(), s.state(), s.log());
        }
    }
}
