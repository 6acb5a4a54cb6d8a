package dev.bazaar.setup;

import java.util.ArrayList;
import java.util.List;

/** What one apply changed and what it noticed but left alone, for the user to read. */
public final class SetupReport {

    private final List<String> changes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public void changed(String what) {
        changes.add(what);
    }

    public void warn(String what) {
        warnings.add(what);
    }

    /** The report as lines: each change, then each warning, or a line saying nothing changed. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        changes.forEach(c -> lines.add("  changed: " + c));
        warnings.forEach(w -> lines.add("  warning: " + w));
        if (lines.isEmpty()) {
            lines.add("  nothing to change: the platform matches setup/");
        }
        return lines;
    }
}
