package dev.bazaar.shop.publish;

import io.micronaut.serde.annotation.Serdeable;

/** One reason a record was refused: which record of the request, where in it, and what is wrong. */
@Serdeable
public record FieldError(int record, String path, String message) {
}
