package dev.bazaar.events.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one event against its kind: every key field present and not null (an empty string is a
 * value), the kind's JSON Schema (known fields typed; unknown ones kept), and the date-time fields.
 * Each problem names the event and the field; a missing key field is reported once, not again as a
 * type error of its null.
 */
public final class EventValidator {

    private final KindSchema schema;
    private final List<String> keyFields;

    public EventValidator(KindSchema schema, List<String> keyFields) {
        this.schema = schema;
        this.keyFields = List.copyOf(keyFields);
    }

    public KindSchema schema() {
        return schema;
    }

    public List<String> keyFields() {
        return keyFields;
    }

    /** The problems of {@code event}; empty when it may be published. */
    public List<FieldError> validate(RawEvent event) {
        JsonNode json = event.json();
        List<FieldError> errors = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (String field : keyFields) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                String path = FieldError.path(field);
                reported.add(path);
                errors.add(new FieldError(event.index(), path, (value == null ? "is missing" : "is null")
                        + ": it is part of the event's key (an empty string is a value)", Reason.MISSING_KEY_FIELD));
            }
        }
        for (ValidationMessage violation : schema.schema().validate(json)) {
            String path = path(violation);
            if (reported.add(path)) {
                errors.add(new FieldError(event.index(), path, message(violation), reason(violation)));
            }
        }
        for (String field : schema.dateTimeFields()) {
            JsonNode value = json.get(field);
            String path = FieldError.path(field);
            if (value != null && value.isTextual() && !reported.contains(path)) {
                DateTimes.problem(value.textValue()).ifPresent(problem -> errors.add(
                        new FieldError(event.index(), path, problem, Reason.INVALID_DATE_TIME)));
            }
        }
        return errors;
    }

    /** The field a violation is about: a missing property is named as itself, not as its parent. */
    private static String path(ValidationMessage violation) {
        String at = violation.getInstanceLocation().toString();
        if ("required".equals(violation.getType()) && violation.getProperty() != null) {
            return "$".equals(at) ? FieldError.path(violation.getProperty()) : at + "." + violation.getProperty();
        }
        return at;
    }

    private static String message(ValidationMessage violation) {
        String error = violation.getError();
        return error == null || error.isBlank() ? violation.getMessage() : error;
    }

    /** Key fields are reported before the schema is asked, so a {@code required} left here is another rule. */
    private static Reason reason(ValidationMessage violation) {
        return switch (violation.getType()) {
            case "type" -> Reason.WRONG_TYPE;
            default -> Reason.SCHEMA;
        };
    }
}
