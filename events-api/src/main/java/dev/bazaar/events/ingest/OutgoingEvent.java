package dev.bazaar.events.ingest;

import dev.bazaar.events.EventKind;

/** A validated event ready to send: its index in the request, its kind, key (DedupKey bytes) and framed value. */
public record OutgoingEvent(int index, EventKind kind, byte[] key, byte[] value) {
}
