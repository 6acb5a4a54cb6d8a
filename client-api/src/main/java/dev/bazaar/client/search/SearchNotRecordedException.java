package dev.bazaar.client.search;

/**
 * A search's record did not reach {@code client-search} (Kafka or the schema registry did not
 * answer in time): the search is refused (503) rather than served unrecorded.
 */
public final class SearchNotRecordedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
