package dev.bazaar.connectors.elasticsearch;

/**
 * A bulk request (or index creation) failed as a whole, before Elasticsearch answered for each
 * action: a connection error, a timeout, an overloaded node, or a refusal such as 401.
 */
final class BulkRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    BulkRequestException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether sending the same request again may succeed (connection errors, 429, 5xx). */
    boolean retriable() {
        return retriable;
    }

    /** Whether a whole-request HTTP status is worth retrying: 408, 429 and 5xx, or no status at all. */
    static boolean retriableStatus(int status) {
        return status <= 0 || status == 408 || status == 429 || status >= 500;
    }
}
