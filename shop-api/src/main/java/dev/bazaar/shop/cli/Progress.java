package dev.bazaar.shop.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** A one-line progress bar on stderr, and the counts the summary reports. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String what;
    private final int total;
    private int sent;
    private int acknowledged;
    private String firstError;

    Progress(PrintWriter err, String what, int total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    void sent(int records, int acked) {
        sent += records;
        acknowledged += acked;
        int filled = (int) ((long) WIDTH * sent / total);
        err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d acknowledged %d", what, "#".repeat(filled), " ".repeat(WIDTH - filled),
                sent, total, acknowledged);
        err.flush();
    }

    void failed(String error) {
        if (firstError == null) {
            firstError = error;
        }
    }

    void finish() {
        err.println();
        err.flush();
    }

    int sent() {
        return sent;
    }

    int acknowledged() {
        return acknowledged;
    }

    Optional<String> firstError() {
        return Optional.ofNullable(firstError);
    }
}
