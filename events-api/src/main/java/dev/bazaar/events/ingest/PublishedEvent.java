package dev.bazaar.events.ingest;

import io.micronaut.serde.annotation.Serdeable;

/** Where Kafka stored one event: its index in the request, kind, de-duplication key (hex) and place. */
@Serdeable
public record PublishedEvent(int index, String kind, String key, String topic, int partition, long offset) {
}
