package dev.bazaar.client.recommend;

import io.micronaut.serde.annotation.Serdeable;

/** The period of activity recommendations are based on, [from, to), as RFC 3339 date-times. */
@Serdeable
public record Period(String from, String to) {
}
