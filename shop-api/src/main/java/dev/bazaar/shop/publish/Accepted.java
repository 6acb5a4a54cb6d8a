package dev.bazaar.shop.publish;

import io.micronaut.serde.annotation.Serdeable;

/** Where the brokers stored one acknowledged record. */
@Serdeable
public record Accepted(int record, String key, String topic, int partition, long offset) {
}
