package dev.bazaar.connectors.jdbc;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record as the column sources read it: the value parsed into a JSON tree at most once, and every
 * value handed on normalized to {@code String}, a {@code Number}, {@code Boolean}, {@code byte[]},
 * {@link Instant} or {@link JsonText}, whatever the converters made of the record.
 *
 * <p>The value may be JSON text ({@code byte[]} from our registry converter or ByteArrayConverter,
 * {@code String} from StringConverter), a {@code Map} (JsonConverter without schemas) or a
 * {@link Struct}.
 */
final class RecordView {

    private final SinkRecord record;
    private final ObjectMapper mapper;
    private JsonNode tree;

    /**
     * The mapper the views read values with: decimals kept exact (a {@code numeric} column gets what
     * was sent), and text after the first JSON value refused rather than ignored.
     */
    static ObjectMapper newMapper() {
        return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    }

    RecordView(SinkRecord record, ObjectMapper mapper) {
        this.record = record;
        this.mapper = mapper;
    }

    SinkRecord record() {
        return record;
    }

    Optional<Object> key() throws ConversionException {
        return normalize(record.key());
    }

    Optional<Object> timestamp() {
        return Optional.ofNullable(record.timestamp()).map(Instant::ofEpochMilli);
    }

    /** The last header called {@code name}, normalized; empty when there is none or it is null. */
    Optional<Object> header(String name) throws ConversionException {
        Header header = record.headers().lastWithName(name);
        return header == null ? Optional.empty() : normalize(header.value());
    }

    /** The whole value as JSON text: the text as it came when it came as text, checked to be JSON. */
    Optional<Object> valueJson() throws ConversionException {
        Object value = record.value();
        if (value == null) {
            return Optional.empty();
        }
        JsonNode parsed = tree();
        return Optional.of(switch (value) {
            case String text -> new JsonText(text);
            case byte[] bytes -> new JsonText(new String(bytes, StandardCharsets.UTF_8));
            default -> new JsonText(write(parsed));
        });
    }

    /** A field of the value, normalized; empty when the value has no such field or it is JSON null. */
    Optional<Object> field(ValueSource.Field field) throws ConversionException {
        JsonNode value = tree();
        JsonNode node = field.pointer().map(value::at).orElseGet(() -> value.path(field.name()));
        return fromJson(node);
    }

    private JsonNode tree() throws ConversionException {
        if (tree == null) {
            tree = parse(record.value());
        }
        return tree;
    }

    private JsonNode parse(Object value) throws ConversionException {
        try {
            return switch (value) {
                case null -> mapper.missingNode();
                case String text -> readJson(text.getBytes(StandardCharsets.UTF_8));
                case byte[] bytes -> readJson(bytes);
                case ByteBuffer buffer -> readJson(bytes(buffer));
                case Struct struct -> mapper.valueToTree(structToMap(struct));
                default -> mapper.valueToTree(value);
            };
        } catch (IllegalArgumentException e) {
            throw new ConversionException("the value cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode readJson(byte[] json) throws ConversionException {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new ConversionException("the value is empty, not JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConversionException("the value is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConversionException("the value cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    private Optional<Object> fromJson(JsonNode node) throws ConversionException {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isNumber()) {
            return normalize(node.numberValue());
        }
        if (node.isBinary()) {
            return Optional.of(binary(node));
        }
        return Optional.of(new JsonText(write(node)));
    }

    /** A value as a converter left it, normalized; empty for null. */
    private Optional<Object> normalize(Object value) throws ConversionException {
        return Optional.ofNullable(switch (value) {
            case null -> null;
            case String text -> text;
            case byte[] bytes -> bytes;
            case ByteBuffer buffer -> bytes(buffer);
            case Boolean bool -> bool;
            case Byte b -> b.longValue();
            case Short s -> s.longValue();
            case Integer i -> i.longValue();
            case Long l -> l;
            case BigInteger i -> i;
            case BigDecimal d -> d;
            case Float f -> f.doubleValue();
            case Double d -> d;
            case Date date -> date.toInstant();
            case Instant instant -> instant;
            case Struct struct -> new JsonText(write(mapper.valueToTree(structToMap(struct))));
            case Map<?, ?> map -> new JsonText(write(mapper.valueToTree(map)));
            case List<?> list -> new JsonText(write(mapper.valueToTree(list)));
            default -> throw new ConversionException("cannot use a " + value.getClass().getName());
        });
    }

    private String write(JsonNode node) throws ConversionException {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new ConversionException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> structToMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            Object value = struct.get(field);
            map.put(field.name(), value instanceof Struct nested ? structToMap(nested) : value);
        }
        return map;
    }

    private static byte[] binary(JsonNode node) throws ConversionException {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new ConversionException("cannot read binary JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
