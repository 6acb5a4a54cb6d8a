package dev.bazaar.shop.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.shop.publish.FieldError;
import dev.bazaar.shop.publish.InvalidRecordsException;
import java.util.ArrayList;
import java.util.List;

/** Reads a request body that holds one JSON object or an array of them, with errors that say where. */
final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    static List<JsonNode> records(String body, int maxBatch) {
        JsonNode root = parse(body);
        List<JsonNode> records = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(records::add);
        } else {
            records.add(root);
        }
        List<FieldError> errors = new ArrayList<>();
        if (records.isEmpty()) {
            errors.add(new FieldError(0, "$", "the array is empty: send at least one record"));
        }
        if (records.size() > maxBatch) {
            errors.add(new FieldError(0, "$", "the array holds " + records.size() + " records, at most " + maxBatch
                    + " are accepted per request"));
        }
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i).isObject()) {
                errors.add(new FieldError(i, "$", "a record must be a JSON object, was " + records.get(i).getNodeType()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordsException(errors);
        }
        return records;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRecordsException(List.of(new FieldError(0, "$", "the body is empty")));
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new InvalidRecordsException(List.of(new FieldError(0, "$", "malformed JSON" + where + ": "
                    + e.getOriginalMessage())));
        }
    }
}
