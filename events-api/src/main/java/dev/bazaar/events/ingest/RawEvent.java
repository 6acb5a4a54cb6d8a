package dev.bazaar.events.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a request: its index there, its JSON read for validation and keying, and where its
 * bytes are in the body, so that the record carries the event exactly as posted (no re-encoding:
 * numbers, escapes and field order stay the client's).
 *
 * @param body the whole request body; the event is {@code body[offset, offset + length)}
 */
public record RawEvent(int index, JsonNode json, byte[] body, int offset, int length) {
}
