package dev.bazaar.promo.topology;

/** A record promo cannot use; its message says why, and goes with the record to the dead letters. */
public final class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }
}
