package dev.bazaar.hdfs.loader;

import org.apache.kafka.connect.errors.DataException;

/** A record the sink cannot write (not a JSON object, no partition field, ...): it goes to the dead-letter topic. */
public final class BadRecordException extends DataException {

    private static final long serialVersionUID = 1L;

    public BadRecordException(String message) {
        super(message);
    }

    public BadRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
