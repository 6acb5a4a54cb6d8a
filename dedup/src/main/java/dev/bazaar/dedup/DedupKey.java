package dev.bazaar.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a record for de-duplication: the first {@value #BYTES} bytes of the SHA-256 of
 * chosen fields' values, compact enough that a store of millions of keys stays small. Each value
 * enters the hash with its field's name, its kind (text or other JSON) and its length, so no two
 * different sets of values are spelt the same way ({@code "ab","c"} differs from {@code "a","bc"},
 * {@code "1"} from {@code 1}); an empty string is a value.
 */
public final class DedupKey {

    /** 128 bits: a collision within a 7-day window of billions of events is still vanishingly unlikely. */
    public static final int BYTES = 16;

    private DedupKey() {
    }

    /**
     * The key of {@code record}'s {@code fields}. A field is missing when it is absent or JSON null
     * (an empty string is a value); text is taken as it is, other values as their JSON text.
     *
     * @throws MissingKeyField naming the first missing field
     */
    public static byte[] of(JsonNode record, List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no key fields: name at least one");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String field : fields) {
                JsonNode value = record.get(field);
                if (value == null || value.isNull()) {
                    throw new MissingKeyField(field);
                }
                write(out, field);
                out.writeByte(value.isTextual() ? 's' : 'j');
                write(out, value.isTextual() ? value.textValue() : value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the key fields " + fields, e);
        }
        return Arrays.copyOf(sha256().digest(bytes.toByteArray()), BYTES);
    }

    /**
     * The key of a record whose own record key identifies it (a topic keyed by what makes two records
     * copies): the record key itself when it is {@value #BYTES} bytes long — a key made by {@link #of}
     * already, as on {@code product-events-raw} — otherwise the first {@value #BYTES} bytes of its SHA-256,
     * so every key costs the same in a store.
     *
     * @throws IllegalArgumentException when the record has no key or an empty one: it cannot be told apart
     */
    public static byte[] ofRecordKey(byte[] recordKey) {
        if (recordKey == null || recordKey.length == 0) {
            throw new IllegalArgumentException("the record has " + (recordKey == null ? "no key" : "an empty key")
                    + ": it cannot be told apart from other records by its key");
        }
        if (recordKey.length == BYTES) {
            return recordKey.clone();
        }
        return Arrays.copyOf(sha256().digest(recordKey), BYTES);
    }

    /** The key as 32 hexadecimal digits, for logs and for the record key of a topic keyed by it. */
    public static String hex(byte[] key) {
        return HexFormat.of().formatHex(key);
    }

    /** The key a record key of {@link #hex} digits stands for; fails naming the key when it is not one. */
    public static byte[] fromHex(String key) {
        if (key == null || key.length() != 2 * BYTES) {
            throw new IllegalArgumentException("record key '" + key + "' is not a de-duplication key of "
                    + 2 * BYTES + " hexadecimal digits");
        }
        return HexFormat.of().parseHex(key);
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** A key field is absent or null: the record cannot be de-duplicated and must be refused, naming it. */
    public static final class MissingKeyField extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final String field;

        public MissingKeyField(String field) {
            super("key field '" + field + "' is missing (absent or null)");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
