package dev.bazaar.connectors.jdbc;

/** A record that cannot become a row: a value missing for a NOT NULL column, of the wrong type, or unreadable. */
final class ConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    ConversionException(String message) {
        super(message);
    }

    ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
