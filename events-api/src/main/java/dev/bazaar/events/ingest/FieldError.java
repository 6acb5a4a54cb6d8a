package dev.bazaar.events.ingest;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One reason an event was refused: which event of the request (0 for a single one), which field as a
 * JSONPath ({@code $} for the event as a whole), why, and the reason's tag.
 */
@Serdeable
public record FieldError(int index, String field, String message, Reason reason) {

    /** The JSONPath of a top-level field. */
    public static String path(String field) {
        return field.matches("[A-Za-z_][A-Za-z0-9_]*") ? "$." + field : "$['" + field.replace("'", "\\'") + "']";
    }
}
