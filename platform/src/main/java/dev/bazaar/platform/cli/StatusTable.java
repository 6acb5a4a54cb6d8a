package dev.bazaar.platform.cli;

import dev.bazaar.platform.ComponentStatus;
import java.io.PrintStream;
import java.util.List;

/** Prints component statuses as an aligned table. */
final class StatusTable {

    private StatusTable() {
    }

    static void print(PrintStream out, List<ComponentStatus> statuses) {
        int component = width("COMPONENT", statuses.stream().map(ComponentStatus::component).toList());
        int address = width("ADDRESS", statuses.stream().map(ComponentStatus::address).toList());
        String format = "%-" + component + "s %-" + address + "s %-8s %-10s %s%n";
        out.printf(format, "COMPONENT", "ADDRESS", "PID", "STATE", "LOG");
        for (ComponentStatus s : statuses) {
            out.printf(format, s.component(), s.address(), s.pid() == null ? "-" : s.pid(), s.state(), s.log());
        }
    }

    private static int width(String header, List<String> values) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }
}
