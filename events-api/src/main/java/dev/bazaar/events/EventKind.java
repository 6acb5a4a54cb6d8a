package dev.bazaar.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of product event events-api takes, each with its own JSON Schema (registry subject
 * {@code product-events-raw-<kind>}) and its own de-duplication key fields. The kind travels with
 * each record in the header {@value #HEADER}, so that dedup and the sink need not guess it.
 */
public enum EventKind {

    /** The earlier FastAPI de-duplicator's product-analytics event ({@code POST /api-fast/view-event}). */
    VIEW_EVENT("view-event", List.of("userId", "content_id", "event_name", "event_datetime", "sid")),
    /** The earlier Django de-duplicator's product event ({@code POST /product_events/}). */
    PRODUCT_EVENTS("product_events", List.of("client_id", "product_id", "event_name", "event_datetime", "sid"));

    /** The record header naming the kind, UTF-8. */
    public static final String HEADER = "event-kind";
    /** The kind of {@code POST /events} without {@code ?kind=}. */
    public static final EventKind DEFAULT = VIEW_EVENT;

    private final String id;
    private final List<String> defaultKeyFields;

    EventKind(String id, List<String> defaultKeyFields) {
        this.id = id;
        this.defaultKeyFields = defaultKeyFields;
    }

    /** The kind's name on the wire: in {@code ?kind=}, the header and the registry subject. */
    public String id() {
        return id;
    }

    /** The fields whose values identify one event unless {@code events.kinds.<kind>.key-fields} says otherwise. */
    public List<String> defaultKeyFields() {
        return defaultKeyFields;
    }

    /** The registry subject of this kind's schema for records of {@code topic}. */
    public String subject(String topic) {
        return topic + "-" + id;
    }

    /** The kind named {@code id} exactly as on the wire ({@code view-event}, {@code product_events}). */
    public static Optional<EventKind> of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    /**
     * The kind a configuration key names: its wire name, or the same with {@code -} for {@code _}
     * (Micronaut and environment variables spell keys in kebab case: {@code events.kinds.product-events...}).
     */
    public static Optional<EventKind> ofConfigName(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(kind -> kind.id.replace('_', '-').equals(normalized)).findFirst();
    }

    /** The wire names of every kind, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(EventKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
