package dev.bazaar.console.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.common.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The product stop-list ({@code blocked-products}, compacted, keyed by product id; a tombstone
 * unblocks), read and changed as the signed-in user: their principal's ACLs decide (ops may, client may
 * not). A block is written as the {@code blocked-products} schema has it, in the registry wire format,
 * checked here field by field first (the same rules), so a bad entry never reaches the topic.
 */
public final class StopList {

    /** The items schema's rule for a product id. */
    public static final Pattern PRODUCT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$");
    public static final int MAX_REASON = 500;
    private static final int MAX_RECORDS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StopList() {
    }

    /** An entry: the product, why, by whom, since when. */
    public record Entry(String productId, String reason, String blockedBy, String blockedAt) {
    }

    /** The products blocked now: each key's latest entry, unless a tombstone followed it. */
    public static List<Entry> read(UserClients clients) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicMessages.whole(clients, Topics.BLOCKED_PRODUCTS, MAX_RECORDS)) {
            String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.remove(key);
                continue;
            }
            JsonNode value = json(record.value());
            latest.put(key, new Entry(key, value.path("reason").asText(""), value.path("blockedBy").asText(""),
                    value.path("blockedAt").asText("")));
        }
        List<Entry> entries = new ArrayList<>(latest.values());
        entries.sort((a, b) -> a.productId().compareTo(b.productId()));
        return entries;
    }

    /**
     * Blocks {@code productId} for {@code reason} in the name of the user, framed with {@code schemaId};
     * returns when Kafka acknowledged it.
     *
     * @throws IllegalArgumentException naming the field that breaks the schema's rules
     */
    public static void block(UserClients clients, int schemaId, String productId, String reason)
            throws ExecutionException, InterruptedException, TimeoutException {
        check(productId);
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be 1 to " + MAX_REASON + " characters, was "
                    + (reason == null ? 0 : reason.length()));
        }
        ObjectNode entry = JSON.createObjectNode().put("productId", productId).put("reason", reason.strip())
                .put("blockedBy", clients.principal())
                .put("blockedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        byte[] json = entry.toString().getBytes(StandardCharsets.UTF_8);
        send(clients, productId, ByteBuffer.allocate(5 + json.length).put((byte) 0).putInt(schemaId).put(json).array());
    }

    /** Unblocks {@code productId} (a tombstone); returns when Kafka acknowledged it. */
    public static void unblock(UserClients clients, String productId)
            throws ExecutionException, InterruptedException, TimeoutException {
        check(productId);
        send(clients, productId, null);
    }

    private static void send(UserClients clients, String productId, byte[] value)
            throws ExecutionException, InterruptedException, TimeoutException {
        clients.producer().send(new ProducerRecord<>(Topics.BLOCKED_PRODUCTS, productId, value))
                .get(clients.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private static void check(String productId) {
        if (productId == null || !PRODUCT_ID.matcher(productId).matches()) {
            throw new IllegalArgumentException("product id must be 3-64 letters, digits, '_' or '-', starting with a "
                    + "letter or digit, was '" + productId + "'");
        }
    }

    private static JsonNode json(byte[] value) {
        byte[] body = value.length > 5 && value[0] == 0 ? Arrays.copyOfRange(value, 5, value.length) : value;
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("reason", "(an entry that is not JSON: " + e.getMessage() + ")");
        }
    }
}
