package dev.bazaar.console.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Typed reads of one dashboard file's JSON, each failure an {@link InvalidDashboardException} naming the
 * file and the field's path ({@code panels[3].gridPos.w}).
 */
final class JsonFields {

    private final String source;

    JsonFields(String source) {
        this.source = source;
    }

    InvalidDashboardException invalid(String path, String why) {
        return new InvalidDashboardException(source + " is not a Grafana dashboard: " + path + " " + why);
    }

    String requiredText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(path(path, field), "is missing");
        }
        if (!value.isTextual()) {
            throw invalid(path(path, field), "is not a string but " + value.getNodeType());
        }
        return value.textValue();
    }

    /** The field's text; empty when it is absent, null, or not text (Grafana writes {@code refresh: false}). */
    Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    int requiredInt(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(path(path, field), "is missing");
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(path(path, field), "is not an integer but " + value);
        }
        return value.intValue();
    }

    boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.asBoolean(false);
    }

    JsonNode requiredObject(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(path(path, field), "is missing");
        }
        if (!value.isObject()) {
            throw invalid(path(path, field), "is not an object but " + value.getNodeType());
        }
        return value;
    }

    /** The elements of an array field; none when it is absent or null. */
    List<JsonNode> array(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(path(path, field), "is not an array but " + value.getNodeType());
        }
        return StreamSupport.stream(value.spliterator(), false).toList();
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static String element(String parent, String field, int index) {
        return path(parent, field) + "[" + index + "]";
    }
}
