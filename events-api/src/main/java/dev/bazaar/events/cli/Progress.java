package dev.bazaar.events.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * A one-line progress bar on stderr, redrawn at most every {@value #REDRAW_MILLIS} ms, and the counts
 * the summary reports. Senders on several threads report to it.
 */
final class Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_MILLIS = 100;

    private final PrintWriter err;
    private final String what;
    private final int total;
    private int sent;
    private int acknowledged;
    private int duplicatesAcknowledged;
    private String firstError;
    private long drawnAt;

    Progress(PrintWriter err, String what, int total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    /** One event sent; {@code acked} when events-api answered that Kafka stored it; {@code copy} when it was a re-send. */
    synchronized void sent(boolean acked, boolean copy) {
        sent++;
        if (acked) {
            acknowledged++;
            duplicatesAcknowledged += copy ? 1 : 0;
        }
        long now = System.currentTimeMillis();
        if (now - drawnAt >= REDRAW_MILLIS || sent == total) {
            drawnAt = now;
            int filled = (int) ((long) WIDTH * sent / total);
            err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d acknowledged %d", what, "#".repeat(filled),
                    " ".repeat(WIDTH - filled), sent, total, acknowledged);
            err.flush();
        }
    }

    synchronized void failed(String error) {
        if (firstError == null) {
            firstError = error;
        }
    }

    void finish() {
        err.println();
        err.flush();
    }

    synchronized int sent() {
        return sent;
    }

    synchronized int acknowledged() {
        return acknowledged;
    }

    /** Re-sent copies that events-api acknowledged. */
    synchronized int duplicatesAcknowledged() {
        return duplicatesAcknowledged;
    }

    synchronized Optional<String> firstError() {
        return Optional.ofNullable(firstError);
    }
}
