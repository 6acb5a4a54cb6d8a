package dev.bazaar.events.status;

import dev.bazaar.dedup.DedupKey;
import java.time.Instant;

/**
 * One decision of dedup, as read back from its output topics: the event of {@code kind} with
 * {@code key}, received at {@code receivedAt}, was new (on {@code product-events}) or a copy (on
 * {@code product-events-duplicates}).
 */
public record Decision(Instant receivedAt, String kind, byte[] key, boolean duplicate, String topic, int partition,
        long offset) {

    /** The line {@code GET /api-fast/status} shows for it. */
    public String line() {
        return receivedAt + " " + kind + " " + (key == null ? "(no key)" : DedupKey.hex(key)) + ": "
                + (duplicate ? "duplicate, dropped" : "new, stored") + " (" + topic + "-" + partition + "@" + offset + ")";
    }
}
