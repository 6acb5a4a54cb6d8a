package dev.bazaar.connectors.elasticsearch;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns a record value, as a converter left it, into a JSON object's source: a {@link Map}
 * (JsonConverter without schemas), a {@link Struct} (converters with schemas), or a {@link String}
 * or {@code byte[]} holding JSON text (StringConverter, ByteArrayConverter, our registry converter).
 *
 * <p>JSON text is checked token by token without building a tree and passed on as it is, unless it
 * spans several lines: a bulk request is one JSON document per line, so such text is rewritten
 * compactly.
 */
final class JsonDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    JsonDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The value as one JSON object's source. */
    JsonSource toDocument(Object value) throws MalformedRecordException {
        return switch (value) {
            case String text -> fromText(text.getBytes(StandardCharsets.UTF_8));
            case byte[] bytes -> fromText(bytes);
            case ByteBuffer buffer -> fromText(bytes(buffer));
            default -> serialize(toNode(value), value);
        };
    }

    private JsonSource fromText(byte[] json) throws MalformedRecordException {
        try (JsonParser parser = mapper.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("the value is not a JSON object but "
                        + (first == null ? "empty" : "JSON " + describe(first)));
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new MalformedRecordException("the value holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("the value is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedRecordException("the value cannot be read as JSON: " + e.getMessage(), e);
        }
        return spansLines(json) ? serialize(parse(json), json) : JsonSource.checked(json);
    }

    private JsonNode parse(byte[] json) throws MalformedRecordException {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new MalformedRecordException("the value cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    private JsonSource serialize(JsonNode node, Object value) throws MalformedRecordException {
        if (!(node instanceof ObjectNode)) {
            throw new MalformedRecordException("the value is not a JSON object but a " + value.getClass().getName());
        }
        try {
            return JsonSource.checked(mapper.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("the value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether the text has a line break; inside a JSON string one is always escaped, so any is whitespace. */
    private static boolean spansLines(byte[] json) {
        for (byte b : json) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private JsonNode toNode(Object value) throws MalformedRecordException {
        return switch (value) {
            case null -> NODES.nullNode();
            case Struct struct -> structNode(struct);
            case Map<?, ?> map -> mapNode(map);
            case List<?> list -> arrayNode(list);
            case String text -> NODES.textNode(text);
            case Boolean bool -> NODES.booleanNode(bool);
            case Number number -> numberNode(number);
            case byte[] bytes -> NODES.binaryNode(bytes);
            case ByteBuffer buffer -> NODES.binaryNode(bytes(buffer));
            case Date date -> NODES.textNode(date.toInstant().toString());
            default -> throw new MalformedRecordException("cannot turn a " + value.getClass().getName() + " into JSON");
        };
    }

    private ObjectNode structNode(Struct struct) throws MalformedRecordException {
        ObjectNode node = NODES.objectNode();
        for (Field field : struct.schema().fields()) {
            node.set(field.name(), toNode(struct.get(field)));
        }
        return node;
    }

    private ObjectNode mapNode(Map<?, ?> map) throws MalformedRecordException {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                throw new MalformedRecordException("a map in the value has a null key");
            }
            node.set(String.valueOf(entry.getKey()), toNode(entry.getValue()));
        }
        return node;
    }

    private ArrayNode arrayNode(List<?> list) throws MalformedRecordException {
        ArrayNode node = NODES.arrayNode(list.size());
        for (Object element : list) {
            node.add(toNode(element));
        }
        return node;
    }

    private static JsonNode numberNode(Number number) throws MalformedRecordException {
        return switch (number) {
            case Byte b -> NODES.numberNode(b);
            case Short s -> NODES.numberNode(s);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Float f -> NODES.numberNode(f);
            case Double d -> NODES.numberNode(d);
            case BigDecimal d -> NODES.numberNode(d);
            case BigInteger i -> NODES.numberNode(i);
            default -> throw new MalformedRecordException(
                    "cannot turn a " + number.getClass().getName() + " into JSON");
        };
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }
}
