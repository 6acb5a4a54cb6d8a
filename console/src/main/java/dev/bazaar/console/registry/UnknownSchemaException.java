package dev.bazaar.console.registry;

/**
 * The registry holds no such subject, or no such version of it: the name or number a user asked for,
 * said so that they can correct it (a 404 page, never a stack trace).
 */
public final class UnknownSchemaException extends RuntimeException {

    public UnknownSchemaException(String message) {
        super(message);
    }
}
