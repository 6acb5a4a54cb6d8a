package dev.bazaar.events.ingest;

import java.util.List;

/**
 * Kafka did not acknowledge every event of a request in time (or refused it): says which were
 * acknowledged (they are stored and stay stored) and which were not. Sending the whole request
 * again is safe: a copy has the same key, and dedup lets only the first through.
 */
public final class PublishFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<PublishedEvent> acknowledged;
    private final transient List<FieldError> failed;

    public PublishFailedException(List<PublishedEvent> acknowledged, List<FieldError> failed) {
        super(failed.size() + " of " + (acknowledged.size() + failed.size())
                + " event(s) were not acknowledged by Kafka: " + failed.getFirst().message());
        this.acknowledged = List.copyOf(acknowledged);
        this.failed = List.copyOf(failed);
    }

    public List<PublishedEvent> acknowledged() {
        return acknowledged;
    }

    public List<FieldError> failed() {
        return failed;
    }
}
