package dev.bazaar.filter.cli;

/** A product id that is well formed but names no product the filter has seen: exit code 2. */
final class UnknownProductException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownProductException(String productId, String hint) {
        super("unknown product id '" + productId + "': stream-filter has seen no item of it on items" + hint);
    }
}
