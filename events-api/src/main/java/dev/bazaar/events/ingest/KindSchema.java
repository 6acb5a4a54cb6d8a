package dev.bazaar.events.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersionDetector;
import dev.bazaar.events.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One event kind as the registry holds it: its subject, the schema id its records carry in the
 * wire format, the schema compiled for validation, and the fields the schema says are date-times
 * (which events-api checks itself: {@link DateTimes}). Validation against the very schema the id
 * names is what makes a published record valid for every reader.
 */
public final class KindSchema {

    private final EventKind kind;
    private final String subject;
    private final int id;
    private final JsonNode definition;
    private final JsonSchema schema;
    private final List<String> dateTimeFields;

    /**
     * @param definition the schema as registered under {@code subject} with {@code id}
     */
    public KindSchema(EventKind kind, String subject, int id, JsonNode definition) {
        this.kind = kind;
        this.subject = subject;
        this.id = id;
        this.definition = definition;
        // formats are annotations here: date-times are checked by DateTimes, with messages that say what is accepted
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(false).locale(Locale.ROOT).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(definition)).getSchema(definition, config);
        this.schema.initializeValidators();
        this.dateTimeFields = dateTimeFields(definition);
    }

    public EventKind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    /** The id the registry gave the schema: bytes 1-4 of every record of this kind. */
    public int id() {
        return id;
    }

    JsonSchema schema() {
        return schema;
    }

    /** The top-level fields the schema declares with {@code format: date-time}. */
    public List<String> dateTimeFields() {
        return dateTimeFields;
    }

    /** Whether the schema declares {@code field} among its properties. */
    public boolean declares(String field) {
        return definition.path("properties").has(field);
    }

    private static List<String> dateTimeFields(JsonNode definition) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : definition.path("properties").properties()) {
            if ("date-time".equals(property.getValue().path("format").asText())) {
                fields.add(property.getKey());
            }
        }
        return List.copyOf(fields);
    }

    @Override
    public String toString() {
        return kind + " (subject " + subject + ", id " + id + ")";
    }
}
