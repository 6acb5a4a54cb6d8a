package dev.bazaar.connectors.elasticsearch;

import org.apache.kafka.connect.sink.SinkRecord;

/** A record whose write is buffered or in flight: not yet acknowledged by Elasticsearch. */
record PendingRecord(SinkRecord record, DocumentAction action, long bufferedAtNanos) {
}
