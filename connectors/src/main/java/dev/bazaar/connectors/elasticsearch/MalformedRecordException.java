package dev.bazaar.connectors.elasticsearch;

/** A record that cannot become a document: no usable key, or a value that is not a JSON object. */
final class MalformedRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
        super(message);
    }

    MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
