package dev.bazaar.platform.component;

import java.io.PrintStream;
import java.util.Locale;

/** Lines that say what {@code up} does, one per event, prefixed by the component; safe from many threads. */
public final class Progress {

    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Prints {@code <component>: <message>}. */
    public void say(String component, String format, Object... args) {
        String line = component + ": " + String.format(Locale.ROOT, format, args);
        synchronized (out) {
            out.println(line);
        }
    }

    /** Prints a block of lines together, so that other components' lines do not cut into it. */
    public void block(String header, java.util.List<String> lines) {
        synchronized (out) {
            out.println(header);
            lines.forEach(out::println);
        }
    }
}
