package dev.bazaar.client.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a value of the {@code recommendations} topic: the registry wire format (magic byte 0, a
 * 4-byte schema id, then JSON) around a recommendations record. Producers validated each record
 * against its schema when they wrote it, so this checks the framing and the fields it uses, and
 * needs no registry to read the compacted history at start.
 */
public final class RecommendationsDecoder {

    private static final int HEADER = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecommendationsDecoder() {
    }

    /**
     * The recommendations in {@code value}.
     *
     * @throws IllegalArgumentException saying what is wrong when the value cannot be read
     */
    public static Recommendations decode(byte[] value) {
        if (value.length <= HEADER || value[0] != 0) {
            throw new IllegalArgumentException("not in the registry wire format: " + (value.length <= HEADER
                    ? value.length + " bytes" : "magic byte " + value[0] + ", expected 0"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(value, HEADER, value.length - HEADER);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON after the wire-format header: " + e.getMessage(), e);
        }
        return read(root);
    }

    static Recommendations read(JsonNode root) {
        JsonNode items = root.path("recommendations");
        if (!items.isArray()) {
            throw new IllegalArgumentException("no 'recommendations' array");
        }
        List<Recommendation> recommendations = new ArrayList<>();
        for (JsonNode item : items) {
            recommendations.add(new Recommendation(required(item, "productId"), item.path("rank").asInt(),
                    item.path("score").asDouble(), item.path("reason").asText("")));
        }
        JsonNode period = root.path("period");
        return new Recommendations(required(root, "customer"), recommendations, root.path("generatedAt").asText(null),
                period.isObject() ? new Period(period.path("from").asText(null), period.path("to").asText(null)) : null);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
        return value.asText();
    }
}
