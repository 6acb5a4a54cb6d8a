package dev.bazaar.connectors.elasticsearch;

/**
 * One write a record turns into: put a whole document or delete one, addressed by index and id.
 * Both are idempotent, so a bulk request that is sent again after a crash or a retry leaves the
 * index as it would have been after the first one.
 */
sealed interface DocumentAction {

    String index();

    String id();

    /** Replaces the document {@code id} in {@code index} with {@code document}, creating it if needed. */
    record Index(String index, String id, JsonSource document) implements DocumentAction {
    }

    /** Deletes the document {@code id} from {@code index}; a document that is not there is fine. */
    record Delete(String index, String id) implements DocumentAction {
    }
}
