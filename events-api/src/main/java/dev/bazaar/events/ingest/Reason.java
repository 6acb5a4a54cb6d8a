package dev.bazaar.events.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** Why an event was not published: the {@code reason} tag of the rejection metric and of each error in a problem. */
@Serdeable
public enum Reason {
    /** The body is not JSON (or holds a field twice, or something after the value). */
    MALFORMED_JSON,
    /** An element is not a JSON object, or an array came where one event is expected. */
    NOT_AN_OBJECT,
    /** The array is empty or holds more events than {@code events.max-events}. */
    BATCH_SIZE,
    /** One event is larger than {@code events.max-event-bytes}. */
    TOO_LARGE,
    /** A key field is absent or null (an empty string is a value). */
    MISSING_KEY_FIELD,
    /** A known field holds another JSON type than its schema says. */
    WRONG_TYPE,
    /** A date-time field is not an RFC 3339 date-time with an offset. */
    INVALID_DATE_TIME,
    /** Another rule of the kind's schema is broken. */
    SCHEMA,
    /** The event itself is valid, but another event of its request is not (nothing of the request is published). */
    OTHER_EVENT_INVALID,
    /** The body is not {@code application/json} (answered 415 by the framework). */
    UNSUPPORTED_MEDIA_TYPE,
    /** Not a refusal of the event: Kafka did not acknowledge it in time (the answer is 503; sending again is safe). */
    NOT_ACKNOWLEDGED;

    /** The tag value, also in problem JSON: lower case with dashes ({@code missing-key-field}). */
    @JsonValue
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return tag();
    }
}
