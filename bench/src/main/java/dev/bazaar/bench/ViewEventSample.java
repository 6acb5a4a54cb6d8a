package dev.bazaar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The earlier system's view event (137 fields, resource {@code bench/view-event.json}, a copy of the
 * sample its load test sent) as compact JSON, and the fields its load test made fresh per request. The
 * wrk script makes each fresh value shaped and as long as the sample's, so every event of the benchmark
 * has the compact payload's size: the record size the baseline sends.
 */
final class ViewEventSample {

    /** Made fresh per event; the de-duplication key (userId, content_id, event_name, event_datetime, sid) among them. */
    static final List<String> FRESH_FIELDS = List.of("request_id", "userId", "uid", "uuid", "client_id", "product_id",
            "sid", "r", "event_datetime");
    private static final String RESOURCE = "/bench/view-event.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] compact;

    private ViewEventSample(ObjectNode sample) throws IOException {
        this.compact = JSON.writeValueAsBytes(sample);
    }

    static ViewEventSample load() {
        try (InputStream in = ViewEventSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample " + RESOURCE + " is not on the classpath");
            }
            return new ViewEventSample((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample " + RESOURCE, e);
        }
    }

    /** The sample as compact JSON (UTF-8). */
    byte[] compact() {
        return compact.clone();
    }

    /** The bytes of every event the benchmark sends. */
    int size() {
        return compact.length;
    }
}
