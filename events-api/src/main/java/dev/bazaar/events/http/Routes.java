package dev.bazaar.events.http;

import dev.bazaar.events.EventKind;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** The paths of events-api's ingest, and the kind of event a request to one of them carries. */
final class Routes {

    static final String EVENTS = "/events";
    static final String VIEW_EVENT = "/api-fast/view-event";
    static final String PRODUCT_EVENTS = "/product_events";
    /** The earlier Django path, with its trailing slash: existing clients post there. */
    static final String PRODUCT_EVENTS_SLASH = "/product_events/";
    static final String STATUS = "/api-fast/status";
    static final String KIND = "kind";

    private Routes() {
    }

    /** The kind of {@code POST /events?kind=}: the default when absent, a 400 when it names none. */
    static EventKind kind(String kind) {
        if (kind == null || kind.isEmpty()) {
            return EventKind.DEFAULT;
        }
        return EventKind.of(kind).orElseThrow(() -> new InvalidKindException(kind));
    }

    /** The kind of event an ingest request carries, when its path is an ingest path and its kind known. */
    static Optional<EventKind> kindOf(HttpRequest<?> request) {
        return switch (request.getPath()) {
            case EVENTS -> EventKind.of(request.getParameters().get(KIND) == null ? EventKind.DEFAULT.id()
                    : request.getParameters().get(KIND));
            case VIEW_EVENT -> Optional.of(EventKind.VIEW_EVENT);
            case PRODUCT_EVENTS, PRODUCT_EVENTS_SLASH -> Optional.of(EventKind.PRODUCT_EVENTS);
            default -> Optional.empty();
        };
    }
}
