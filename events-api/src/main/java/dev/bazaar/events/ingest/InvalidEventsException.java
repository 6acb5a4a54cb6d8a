package dev.bazaar.events.ingest;

import java.util.List;

/**
 * A request held events that cannot be published, each error naming the event and field; none of the
 * request's events was published. Answered 413 when an event is too large, otherwise 400.
 */
public final class InvalidEventsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidEventsException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 413 when an event is larger than allowed, 400 otherwise. */
    public int status() {
        return errors.stream().anyMatch(error -> error.reason() == Reason.TOO_LARGE) ? 413 : 400;
    }

    private static String summary(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        String where = "event " + first.index() + " " + first.field() + ": " + first.message();
        return errors.size() == 1 ? where + "; nothing was published"
                : where + " (and " + (errors.size() - 1) + " more error(s)); nothing was published";
    }
}
