package dev.bazaar.client.catalog;

/** Elasticsearch did not answer, or answered with an error: the request cannot be served now (503). */
public final class CatalogUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
