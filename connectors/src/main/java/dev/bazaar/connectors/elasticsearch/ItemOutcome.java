package dev.bazaar.connectors.elasticsearch;

import java.util.Set;

/** What the sink makes of Elasticsearch's answer for one action of a bulk request. */
enum ItemOutcome {
    /** Written, or a delete of a document that was not there. */
    DONE,
    /** Elasticsearch could not take it for now (429, 5xx, a full write queue): send it again after a backoff. */
    RETRY,
    /** The document itself is wrong for the index (a mapping or parsing error): retrying cannot help. */
    MALFORMED,
    /** Neither the document's fault nor temporary (401, 403, a missing index): the task must stop. */
    FATAL;

    private static final Set<String> RETRIABLE_TYPES = Set.of(
            "es_rejected_execution_exception", "circuit_breaking_exception", "unavailable_shards_exception");

    /** Classifies {@code result}, the answer for {@code action}. */
    static ItemOutcome of(DocumentAction action, ItemResult result) {
        int status = result.status();
        if (status >= 200 && status < 300) {
            return DONE;
        }
        if (status == 404 && action instanceof DocumentAction.Delete) {
            return DONE;
        }
        if (status == 429 || status >= 500 || result.errorType().filter(RETRIABLE_TYPES::contains).isPresent()) {
            return RETRY;
        }
        if (status == 400) {
            return MALFORMED;
        }
        return FATAL;
    }
}
