package dev.bazaar.events.ingest;

import dev.bazaar.events.EventKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * events-api's meters, on {@code /prometheus}: events received, published and rejected per kind
 * (rejected per reason too), and how long Kafka took to acknowledge each event.
 * <ul>
 * <li>{@code events_api_received_total{kind}}: events read from request bodies;</li>
 * <li>{@code events_api_published_total{kind}}: events Kafka acknowledged;</li>
 * <li>{@code events_api_rejected_total{kind,reason}}: events not published, by {@link Reason}
 *     (a body that is not JSON counts as one);</li>
 * <li>{@code events_api_publish_seconds{kind,outcome}}: send to acknowledgement, with percentiles.</li>
 * </ul>
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<EventKind, Counter> received = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Counter> published = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Timer> acknowledged = new EnumMap<>(EventKind.class);
    private final Map<EventKind, Timer> failed = new EnumMap<>(EventKind.class);
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EventKind kind : EventKind.values()) {
            received.put(kind, Counter.builder("events.api.received").description("Events read from request bodies")
                    .tag("kind", kind.id()).register(registry));
            published.put(kind, Counter.builder("events.api.published")
                    .description("Events Kafka acknowledged on the raw topic").tag("kind", kind.id()).register(registry));
            acknowledged.put(kind, timer(kind, "acknowledged"));
            failed.put(kind, timer(kind, "failed"));
        }
    }

    private Timer timer(EventKind kind, String outcome) {
        return Timer.builder("events.api.publish").description("From send to Kafka's acknowledgement (acks=all)")
                .tag("kind", kind.id()).tag("outcome", outcome)
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram(false).register(registry);
    }

    void received(EventKind kind, int events) {
        received.get(kind).increment(events);
    }

    /** An event not published, for {@code reason}. */
    public void rejected(EventKind kind, Reason reason) {
        rejected.computeIfAbsent(kind.id() + "/" + reason.tag(), key -> Counter.builder("events.api.rejected")
                .description("Events not published, by reason").tag("kind", kind.id()).tag("reason", reason.tag())
                .register(registry)).increment();
    }

    void acknowledged(EventKind kind, long nanos, boolean stored) {
        (stored ? acknowledged : failed).get(kind).record(nanos, TimeUnit.NANOSECONDS);
        if (stored) {
            published.get(kind).increment();
        }
    }

    /** Events Kafka acknowledged since start, every kind. */
    public long published() {
        return (long) published.values().stream().mapToDouble(Counter::count).sum();
    }
}
