package dev.bazaar.events.ingest;

import dev.bazaar.dedup.DedupKey;
import dev.bazaar.events.EventKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest of one request: read its events, check every one of them first (one bad event
 * publishes nothing of the request), key each by its kind's key fields, frame it with its kind's
 * schema id, and publish them all stamped with the receive time. What is refused is counted per
 * kind and reason.
 */
public final class EventIngest {

    private final EventBodies bodies;
    private final Map<EventKind, EventValidator> validators;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;

    public EventIngest(EventBodies bodies, Map<EventKind, EventValidator> validators, EventPublisher publisher,
            IngestMetrics metrics, Clock clock) {
        this.bodies = bodies;
        this.validators = new EnumMap<>(validators);
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        for (EventKind kind : EventKind.values()) {
            if (!this.validators.containsKey(kind)) {
                throw new IllegalArgumentException("no schema for event kind " + kind);
            }
        }
    }

    /**
     * Publishes the events of {@code body}, all of kind {@code kind}; {@code arrayAllowed} when the route
     * takes an array. Completes once Kafka acknowledged every one.
     *
     * @throws InvalidEventsException before anything is sent, when any event is refused
     */
    public CompletableFuture<List<PublishedEvent>> accept(EventKind kind, byte[] body, boolean arrayAllowed) {
        long receivedAt = clock.millis();
        List<RawEvent> events;
        try {
            events = bodies.read(body, arrayAllowed);
        } catch (InvalidEventsException refused) {
            refused.errors().forEach(error -> metrics.rejected(kind, error.reason()));
            throw refused;
        }
        metrics.received(kind, events.size());
        return publisher.publish(prepare(kind, events), receivedAt);
    }

    /** The records of {@code events}, once every one of them is valid. */
    List<OutgoingEvent> prepare(EventKind kind, List<RawEvent> events) {
        EventValidator validator = validators.get(kind);
        List<FieldError> errors = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        for (RawEvent event : events) {
            List<FieldError> found = validator.validate(event);
            errors.addAll(found);
            reasons.add(found.isEmpty() ? Reason.OTHER_EVENT_INVALID : found.getFirst().reason());
        }
        if (!errors.isEmpty()) {
            reasons.forEach(reason -> metrics.rejected(kind, reason));
            throw new InvalidEventsException(errors);
        }
        List<OutgoingEvent> outgoing = new ArrayList<>(events.size());
        int schemaId = validator.schema().id();
        for (RawEvent event : events) {
            outgoing.add(new OutgoingEvent(event.index(), kind, DedupKey.of(event.json(), validator.keyFields()),
                    WireFormat.frame(schemaId, event.body(), event.offset(), event.length())));
        }
        return outgoing;
    }

    public String topic() {
        return publisher.topic();
    }
}
