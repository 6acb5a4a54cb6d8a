package dev.bazaar.client.cli;

/** client-api cannot be reached, refused the credentials or answered an error: exit code 3, with what to do. */
final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ServiceException(String message) {
        super(message);
    }

    ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
