package dev.bazaar.events.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body into its events: one JSON object, or (where a route allows it) an array of
 * them. Each event keeps the place of its bytes in the body, so it is published exactly as posted.
 * Refuses, naming the event and where: a body that is not UTF-8 JSON, a field given twice (which
 * copy would be the key?), anything after the value, an element that is not an object, an empty or
 * too long array, and an event larger than the limit.
 */
public final class EventBodies {

    /**
     * A field given twice is found while the tree is built (the node it would replace), not by the parser's
     * strict detection, which keeps a set of names per object: that set was 4 % of events-api's CPU under load.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** Jackson's message of a field given twice: {@code Duplicate field 'userId' for `ObjectNode`} (or the parser's {@code Duplicate Object property "userId"}). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:Object property|field) [\"']([^\"']+)[\"']");

    private final int maxEventBytes;
    private final int maxEvents;

    /**
     * @param maxEventBytes the largest event accepted, in bytes as posted
     * @param maxEvents most events one array may hold
     */
    public EventBodies(int maxEventBytes, int maxEvents) {
        this.maxEventBytes = maxEventBytes;
        this.maxEvents = maxEvents;
    }

    /**
     * The events of {@code body}; {@code arrayAllowed} when the route takes an array of events too.
     *
     * @throws InvalidEventsException naming each refused event and why
     */
    public List<RawEvent> read(byte[] body, boolean arrayAllowed) {
        requireJsonStart(body, arrayAllowed);
        List<RawEvent> events = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY && !arrayAllowed) {
                throw refused(0, Reason.NOT_AN_OBJECT, "expected one event (a JSON object), not an array: "
                        + "POST /events takes arrays");
            }
            if (token == JsonToken.START_ARRAY) {
                readArray(parser, body, events, errors);
            } else {
                events.add(readEvent(parser, body, 0, errors));
            }
            if (parser.nextToken() != null) {
                throw refused(0, Reason.MALFORMED_JSON, "unexpected content after the JSON value at "
                        + where(parser.currentTokenLocation()));
            }
        } catch (JsonProcessingException e) {
            throw malformed(events.size() + (int) errors.stream().filter(error -> error.reason() == Reason.NOT_AN_OBJECT)
                    .count(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a body held in memory", e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        return events;
    }

    /** A body that is not empty and starts as an object or array does; anything else is refused before parsing. */
    private static void requireJsonStart(byte[] body, boolean arrayAllowed) {
        int start = body == null ? -1 : firstNonSpace(body);
        if (start < 0) {
            throw refused(0, Reason.MALFORMED_JSON, "the body is empty: send a JSON object"
                    + (arrayAllowed ? " or an array of them" : ""));
        }
        if (body[start] != '{' && body[start] != '[') {
            throw refused(0, Reason.MALFORMED_JSON, "the body must be UTF-8 JSON: an object" + (arrayAllowed
                    ? " or an array of objects" : "") + ", starting with '{'" + (arrayAllowed ? " or '['" : ""));
        }
    }

    private void readArray(JsonParser parser, byte[] body, List<RawEvent> events, List<FieldError> errors)
            throws IOException {
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
            if (token == null) {
                throw refused(index, Reason.MALFORMED_JSON, "the array is not closed");
            }
            if (token != JsonToken.START_OBJECT) {
                errors.add(new FieldError(index, "$", "an event must be a JSON object, was " + describe(token),
                        Reason.NOT_AN_OBJECT));
                parser.skipChildren();
                continue;
            }
            events.add(readEvent(parser, body, index, errors));
        }
        if (index == 0) {
            throw refused(0, Reason.BATCH_SIZE, "the array is empty: send at least one event");
        }
        if (index > maxEvents) {
            throw refused(0, Reason.BATCH_SIZE, "the array holds " + index + " events, at most " + maxEvents
                    + " are accepted per request (events.max-events)");
        }
    }

    /** The object the parser is at (its START_OBJECT), with the place of its bytes. */
    private RawEvent readEvent(JsonParser parser, byte[] body, int index, List<FieldError> errors) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        JsonNode json = parser.readValueAsTree();
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        if (end - start > maxEventBytes) {
            errors.add(new FieldError(index, "$", "the event is " + (end - start) + " bytes, at most " + maxEventBytes
                    + " are accepted (events.max-event-bytes)", Reason.TOO_LARGE));
        }
        return new RawEvent(index, json, body, start, end - start);
    }

    /** Malformed JSON in event {@code index}; a field given twice is named as the field. */
    private static InvalidEventsException malformed(int index, JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        String field = duplicate.find() ? FieldError.path(duplicate.group(1)) : "$";
        String what = field.equals("$") ? "malformed JSON" : "the field is given twice";
        return new InvalidEventsException(List.of(new FieldError(index, field, what + " at " + where(e.getLocation())
                + ": " + message, Reason.MALFORMED_JSON)));
    }

    private static int firstNonSpace(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\n' && body[i] != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InvalidEventsException refused(int index, Reason reason, String message) {
        return new InvalidEventsException(List.of(new FieldError(index, "$", message, reason)));
    }
}
