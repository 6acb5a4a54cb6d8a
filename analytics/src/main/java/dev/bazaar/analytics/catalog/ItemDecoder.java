package dev.bazaar.analytics.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads an item value of {@code filtered-items}: the registry wire format (magic byte 0, a 4-byte
 * schema id, then the item's JSON). The JSON is read directly rather than through the registry's
 * deserializer: the producer validated it already, and the job needs three fields of it, not a
 * registry round trip per run.
 */
public final class ItemDecoder {

    /** Magic byte and 4-byte schema id before the JSON. */
    static final int HEADER = 5;
    private static final byte MAGIC = 0;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The product {@code value} describes, or empty with {@code problem} when it is not an item in
     * the wire format (the caller counts and skips it).
     */
    public Optional<Product> decode(String key, byte[] value, StringBuilder problem) {
        if (value.length <= HEADER || value[0] != MAGIC) {
            problem.append("not in the registry wire format (magic byte 0 and a 4-byte schema id)");
            return Optional.empty();
        }
        JsonNode item;
        try {
            item = JSON.readTree(value, HEADER, value.length - HEADER);
        } catch (JsonProcessingException e) {
            problem.append("not JSON after the wire format header: ").append(e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            problem.append("unreadable: ").append(e.getMessage());
            return Optional.empty();
        }
        String category = text(item.path("category"));
        String nameEn = text(item.path("name").path("en"));
        String nameRu = text(item.path("name").path("ru"));
        if (category == null || nameEn == null || nameRu == null) {
            problem.append("an item needs category, name.en and name.ru");
            return Optional.empty();
        }
        return Optional.of(new Product(key, category, nameEn, nameRu));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
