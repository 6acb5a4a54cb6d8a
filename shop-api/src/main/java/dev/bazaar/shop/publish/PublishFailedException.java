package dev.bazaar.shop.publish;

import java.util.List;

/**
 * Kafka did not acknowledge every record in time: says which were acknowledged (they are stored
 * and stay stored) and which were not (the client may send those again; keys make that idempotent
 * for readers of the latest value).
 */
public final class PublishFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<Accepted> accepted;
    private final transient List<FieldError> failed;

    public PublishFailedException(List<Accepted> accepted, List<FieldError> failed) {
        super(failed.size() + " of " + (accepted.size() + failed.size()) + " record(s) were not acknowledged by Kafka");
        this.accepted = List.copyOf(accepted);
        this.failed = List.copyOf(failed);
    }

    public List<Accepted> accepted() {
        return accepted;
    }

    public List<FieldError> failed() {
        return failed;
    }
}
