package dev.bazaar.dedup;

/**
 * A record a de-duplicator cannot key — no record key, a value that is not a JSON object, a key field
 * absent or null — so it cannot tell whether the record is a copy. What happens to it is the
 * de-duplicator's policy (the generic app: its dead-letter topic, or it stops; the consumer wrapper: its
 * {@code Unkeyable} setting), never a silent drop.
 */
public final class UnkeyableRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnkeyableRecordException(String reason) {
        super(reason);
    }

    public UnkeyableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
