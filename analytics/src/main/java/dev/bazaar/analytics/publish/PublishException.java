package dev.bazaar.analytics.publish;

/** Publishing the results failed; the message says what and where, for the person running the job. */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }

    public PublishException(String message) {
        super(message);
    }
}
