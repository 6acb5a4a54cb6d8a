package dev.bazaar.events.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bazaar.events.EventKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Makes realistic events of each kind: the earlier systems' sample payloads (the 137-field view
 * event, the product event), with fresh ids and timestamps per event as their load tests sent them,
 * so that no two made events share a de-duplication key; the same seed makes the same event again.
 */
final class SampleEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOSCOW = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT)
            .withZone(ZoneOffset.ofHours(3));
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final List<String> PRODUCT_EVENT_NAMES = List.of("app_list", "content_play", "content_card",
            "purchase", "search");

    private final ObjectNode viewEvent = template(EventKind.VIEW_EVENT);
    private final ObjectNode productEvent = template(EventKind.PRODUCT_EVENTS);
    private Random random;

    /**
     * The event of {@code kind} that {@code seed} makes, happened at {@code at}: the same arguments make
     * the same event, byte for byte (a copy is made again, not kept).
     */
    synchronized ObjectNode make(EventKind kind, long seed, Instant at) {
        random = new Random(seed);
        return kind == EventKind.VIEW_EVENT ? viewEvent(at) : productEvent(at);
    }

    private ObjectNode viewEvent(Instant at) {
        ObjectNode event = viewEvent.deepCopy();
        String user = uuid();
        String client = hex(16);
        String session = digits(10);
        Instant received = at.plusMillis(random.nextInt(500));
        event.put("request_id", hex(16)).put("userId", user).put("uid", user).put("uuid", uuid())
                .put("client_id", client).put("client_id_query", client).put("product_id", uuid())
                .put("sid", session).put("r", digits(10))
                .put("event_datetime", MICROS.format(at)).put("event_datetime_msc", MICROS.format(at))
                .put("event_datetime_str", SECONDS.format(at)).put("event_date", DATE.format(at))
                .put("current_time", DATE.format(at)).put("ts", MICROS.format(at))
                .put("dt_add", MICROS.format(received)).put("inserted_dt", MICROS.format(received))
                .put("event_receive_timestamp", received.getEpochSecond())
                .put("event_receive_dt_str", SPACED.format(received));
        return event;
    }

    private ObjectNode productEvent(Instant at) {
        ObjectNode event = productEvent.deepCopy();
        Instant received = at.plusMillis(random.nextInt(5_000));
        event.put("event_name", PRODUCT_EVENT_NAMES.get(random.nextInt(PRODUCT_EVENT_NAMES.size())))
                .put("client_id", hex(6)).put("product_id", "prod-" + (1 + random.nextInt(999)))
                .put("sid", "session-" + digits(6)).put("r", digits(15)).put("price", 100 * (1 + random.nextInt(50)) - 1)
                .put("event_datetime", MILLIS.format(at)).put("event_date", DATE.format(at)).put("ts", MOSCOW.format(at))
                .put("dt_add", MILLIS.format(received)).put("event_receive_timestamp", received.getEpochSecond())
                .put("event_receive_dt_str", SPACED.format(received));
        return event;
    }

    /** The sample payload of {@code kind}, shipped with the CLI. */
    static ObjectNode template(EventKind kind) {
        String resource = kind.id() + ".json";
        try (InputStream in = SampleEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sample " + resource + " is not on the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample " + resource, e);
        }
    }

    private String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (1L << 63)).toString();
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        digits.append(1 + random.nextInt(9));
        for (int i = 1; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
