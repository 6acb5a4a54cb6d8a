package dev.bazaar.search.node;

/** The search node could not be started; the process exits non-zero with this message. */
public final class SearchNodeStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchNodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
