package dev.bazaar.connectors.elasticsearch;

import java.util.Optional;

/**
 * Elasticsearch's answer for one action of a bulk request: its HTTP status and, when it failed,
 * the error type (e.g. {@code document_parsing_exception}) and reason.
 */
record ItemResult(int status, Optional<String> errorType, Optional<String> errorReason) {

    static ItemResult success(int status) {
        return new ItemResult(status, Optional.empty(), Optional.empty());
    }

    static ItemResult failure(int status, String errorType, String errorReason) {
        return new ItemResult(status, Optional.ofNullable(errorType), Optional.ofNullable(errorReason));
    }

    /** The error as {@code type: reason}, or the bare status when Elasticsearch gave none. */
    String describe() {
        return errorType.map(type -> type + ": " + errorReason.orElse("(no reason)"))
                .orElse("HTTP " + status);
    }
}
