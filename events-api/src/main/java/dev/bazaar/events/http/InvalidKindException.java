package dev.bazaar.events.http;

import dev.bazaar.events.EventKind;

/** {@code ?kind=} names no event kind: 400, naming the parameter and the kinds there are. */
final class InvalidKindException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidKindException(String kind) {
        super("unknown event kind '" + kind + "': the kinds are " + EventKind.names());
    }
}
