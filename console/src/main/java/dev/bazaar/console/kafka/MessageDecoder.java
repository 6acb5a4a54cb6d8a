package dev.bazaar.console.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RegistryConnection;
import dev.bazaar.common.RegistrySubjects;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's bytes as a person reads them: the registry wire format (magic byte 0, a 4-byte schema
 * id, JSON) with the schema's id, subject and version looked up once per id in the registry; plain JSON
 * pretty-printed; other UTF-8 text as it is; anything else as hex.
 */
@Singleton
public final class MessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(MessageDecoder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HEX_LIMIT = 4096;

    private final RegistrySubjects registry;
    private final Map<Integer, Optional<RegistrySubjects.SubjectVersion>> schemas = new ConcurrentHashMap<>();

    public MessageDecoder(RegistryConnection registry) {
        this.registry = new RegistrySubjects(registry);
    }

    /** How a value was written, and its text. */
    public record Decoded(String format, String text, Optional<Integer> schemaId,
            Optional<RegistrySubjects.SubjectVersion> schema) {
    }

    public Decoded decode(byte[] bytes) {
        if (bytes == null) {
            return new Decoded("tombstone", "null (a tombstone: the key is deleted)", Optional.empty(), Optional.empty());
        }
        if (bytes.length > 5 && bytes[0] == 0) {
            Optional<JsonNode> json = json(bytes, 5);
            if (json.isPresent()) {
                int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
                return new Decoded("registry JSON", pretty(json.get()), Optional.of(id), schema(id));
            }
        }
        Optional<JsonNode> json = json(bytes, 0);
        if (json.isPresent()) {
            return new Decoded("JSON", pretty(json.get()), Optional.empty(), Optional.empty());
        }
        Optional<String> text = utf8(bytes);
        if (text.isPresent()) {
            return new Decoded("text", text.get(), Optional.empty(), Optional.empty());
        }
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, HEX_LIMIT));
        return new Decoded("binary", hex + (bytes.length > HEX_LIMIT ? "… (" + bytes.length + " bytes)" : ""),
                Optional.empty(), Optional.empty());
    }

    /** A key as text: UTF-8 when it is, hex otherwise. */
    public String key(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        return utf8(bytes).orElseGet(() -> HexFormat.of().formatHex(bytes));
    }

    private Optional<RegistrySubjects.SubjectVersion> schema(int id) {
        return schemas.computeIfAbsent(id, missing -> {
            try {
                List<RegistrySubjects.SubjectVersion> found = registry.subjectsOf(missing);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
            } catch (IllegalStateException e) {
                log.warn("schema id {}: {}", missing, e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Optional<JsonNode> json(byte[] bytes, int offset) {
        byte first = firstNonBlank(bytes, offset);
        if (first != '{' && first != '[' && first != '"') {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(bytes, offset, bytes.length - offset));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte firstNonBlank(byte[] bytes, int offset) {
        for (int i = offset; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return bytes[i];
            }
        }
        return 0;
    }

    private static String pretty(JsonNode json) {
        return json.toPrettyString();
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            boolean printable = text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
            return printable ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
