package dev.bazaar.promo.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One change of {@code subscribers_restaurants} as the CDC connector writes it to
 * {@code promo-subscribers}: key the row's primary key ({@code {"id":7}}), value the row after the
 * change ({@code {"id":7,"client_id":"…","restaurant_id":"…"}}); a delete is the row marked
 * {@code "__deleted":"true"} (its other columns null: the table's replica identity is its key) followed
 * by a tombstone, which lets compaction forget the row. Debezium's unflattened envelope
 * ({@code before}/{@code after}/{@code op}) and a JSON {@code null} value (what Connect's JsonConverter
 * writes for a delete whose value schema is kept) are deletes too, so the connector's delete handling
 * can change without promo losing an unsubscribe.
 *
 * @param rowId the row's primary key, as text
 * @param member the row's store and customer after the change; empty when the row is gone
 */
public record Subscription(String rowId, Optional<Member> member) {

    /** A customer among the subscribers of a store. */
    public record Member(String storeId, String clientId) {
    }

    /**
     * The change in a CDC record.
     *
     * @throws InvalidRecordException naming what is missing or wrong
     */
    public static Subscription read(byte[] key, byte[] value) {
        String rowId = rowId(key, value);
        if (value == null) {
            return new Subscription(rowId, Optional.empty());
        }
        if (isJsonNull(value)) {
            return new Subscription(rowId, Optional.empty());
        }
        JsonNode row = JsonValues.object(value, "subscriber row");
        if (row.has("op") && (row.has("after") || row.has("before"))) {
            row = row.get("after");
            if (row == null || row.isNull()) {
                return new Subscription(rowId, Optional.empty());
            }
        }
        if ("true".equals(row.path("__deleted").asText())) {
            return new Subscription(rowId, Optional.empty());
        }
        return new Subscription(rowId, Optional.of(new Member(text(row, "restaurant_id"), text(row, "client_id"))));
    }

    private static boolean isJsonNull(byte[] value) {
        return new String(value, StandardCharsets.UTF_8).strip().equals("null");
    }

    private static String rowId(byte[] key, byte[] value) {
        if (key == null || key.length == 0) {
            throw new InvalidRecordException("the subscriber row change has no key (the row's id)");
        }
        JsonNode node;
        try {
            node = JsonValues.JSON.readTree(key);
        } catch (IOException e) {
            return new String(key, StandardCharsets.UTF_8);
        }
        JsonNode id = node != null && node.isObject() ? node.get("id") : node;
        if (id == null || id.isNull() || id.isContainerNode()) {
            throw new InvalidRecordException("the subscriber row change's key has no id: "
                    + new String(key, StandardCharsets.UTF_8));
        }
        return id.asText();
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRecordException("field " + field + " of the subscriber row is missing");
        }
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().indexOf(Keys.SEPARATOR) >= 0) {
            throw new InvalidRecordException("field " + field + " of the subscriber row must be a non-blank string "
                    + "without U+0000, not " + value);
        }
        return value.textValue();
    }
}
