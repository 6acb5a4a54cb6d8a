package dev.bazaar.common.cli;

/**
 * A service the CLI talks to cannot be reached, refused the credentials or answered an error; the
 * CLI prints the message without a stack trace and exits {@value ServiceCli#SERVICE_ERROR}.
 */
public final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
