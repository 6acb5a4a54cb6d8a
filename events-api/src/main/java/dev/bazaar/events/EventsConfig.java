package dev.bazaar.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Settings of events-api ({@code events.*}), checked at start: a bad value stops the service with an
 * error naming its key. The key fields of each kind are {@link KeyFields} ({@code events.kinds.*}); the
 * limit of a whole request body is Micronaut's {@code micronaut.server.max-request-size} (1 MiB).
 *
 * @param varDir runtime folder of the embedded platform, where secrets and endpoints are (default {@code var})
 * @param maxEventBytes the largest event accepted, in bytes of its JSON as posted (default 65536: 64 KiB);
 *                      a larger one is refused with 413, naming its index
 * @param maxEvents most events one request may carry (default 1000); more are refused with 400
 * @param publishTimeout how long a request waits for Kafka to acknowledge its records (default 15 s: a broker's
 *                       failover takes about 11 s); past it the request answers 503 saying which were acknowledged
 * @param statusLines how many of dedup's latest decisions {@code GET /api-fast/status} shows (default 100)
 * @param followDecisions whether to read dedup's output topics for the status (default true); reading them costs a
 *                        fetch of every event once more, which a benchmark may want to leave out (the status then
 *                        shows no lines and counts only what this instance published)
 */
@ConfigurationProperties("events")
public record EventsConfig(
        @NotBlank @Bindable(defaultValue = "var") String varDir,
        @Min(256) @Max(1_048_576) @Bindable(defaultValue = "65536") int maxEventBytes,
        @Min(1) @Max(100_000) @Bindable(defaultValue = "1000") int maxEvents,
        @NotNull @Bindable(defaultValue = "15s") Duration publishTimeout,
        @Min(1) @Max(10_000) @Bindable(defaultValue = "100") int statusLines,
        @Bindable(defaultValue = "true") boolean followDecisions) {

    public EventsConfig {
        if (publishTimeout != null && publishTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("invalid setting events.publish-timeout=" + publishTimeout
                    + ": must be at least 100 ms (the producer's request timeout is half of it)");
        }
    }
}
