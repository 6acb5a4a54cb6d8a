package dev.bazaar.dedup.app;

/**
 * A record on its way through the de-duplicator, under its de-duplication key: the key and value it
 * arrived with, given back unchanged on the way out.
 *
 * @param recordKey the record key as it arrived (may be null)
 * @param value the value as it arrived (may be null)
 */
record Keyed(byte[] recordKey, byte[] value) {
}
