package dev.bazaar.hdfs.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record as a line of a JSON lines file, with its parsed document for the folder fields. The
 * value may be the JSON bytes of {@code RegistryJsonConverter} (written as they are, on one line),
 * a JSON string, or a map (JsonConverter without schemas), which is serialised once.
 *
 * @param bytes    the line without its line break
 * @param document the parsed value, to read the partition fields from
 */
public record JsonLine(byte[] bytes, JsonNode document) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record's value as a line; a {@link BadRecordException} saying why when it is not a JSON object. */
    public static JsonLine of(SinkRecord record) {
        Object value = record.value();
        byte[] bytes = switch (value) {
            case null -> throw new BadRecordException("the value is null (a tombstone): there is nothing to write");
            case byte[] raw -> raw;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case Map<?, ?> map -> serialise(map);
            default -> throw new BadRecordException("a value of type " + value.getClass().getName() + " cannot be "
                    + "written as JSON; use RegistryJsonConverter, or JsonConverter with schemas.enable=false");
        };
        JsonNode document;
        try {
            document = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRecordException("the value is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadRecordException("the value cannot be read as JSON: " + e.getMessage(), e);
        }
        if (document == null || !document.isObject()) {
            throw new BadRecordException("the value is not a JSON object");
        }
        return new JsonLine(oneLine(bytes), document);
    }

    /** The text at a field path, e.g. {@code [customer]}; empty when absent or not a scalar. */
    public Optional<String> text(List<String> path) {
        JsonNode node = document;
        for (String name : path) {
            node = node.path(name);
        }
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }

    /**
     * The bytes with raw line breaks turned into spaces: inside a JSON string a line break is always
     * escaped, so a raw one is whitespace, and a JSON lines file holds one document per line.
     */
    private static byte[] oneLine(byte[] bytes) {
        byte[] line = null;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                if (line == null) {
                    line = bytes.clone();
                }
                line[i] = ' ';
            }
        }
        return line == null ? bytes : line;
    }

    private static byte[] serialise(Map<?, ?> map) {
        try {
            return JSON.writeValueAsBytes(map);
        } catch (JsonProcessingException e) {
            throw new BadRecordException("the value cannot be serialised as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
