package dev.bazaar.client.search;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The record of one search on {@code client-search} (schema setup/schemas/client-search.json):
 * who searched what, which page, how many results there were, and when.
 */
public record SearchEvent(String searchId, String user, String query, int page, long resultCount, Instant timestamp) {

    /** A new event, with a fresh id, for {@code query} that found {@code resultCount} products at {@code now}. */
    public static SearchEvent of(SearchQuery query, long resultCount, Instant now) {
        return new SearchEvent(UUID.randomUUID().toString(), query.user(), query.text(), query.page(), resultCount, now);
    }

    /** The record's JSON value, field by field as the schema names them. */
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode()
                .put("searchId", searchId)
                .put("user", user)
                .put("query", query)
                .put("page", page)
                .put("resultCount", resultCount)
                .put("timestamp", timestamp.toString());
    }
}
