package dev.bazaar.console;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Settings of the console ({@code console.*}), checked at start: a bad value stops it with an error
 * naming its key.
 *
 * @param varDir runtime folder of the embedded platform: endpoints, the CA, the registry's read-only user
 *               (default {@code var})
 * @param sessionIdle a session ends after this long without a request (default 30 min)
 * @param sessionLifetime a session ends this long after sign-in, used or not (default 12 h)
 * @param pageSize messages per page of a topic (default 50, at most 500)
 * @param scanLimit records a text filter reads at most per request, newest first, before it stops
 *                  and says so (default 10,000): never a full scan of a big topic
 * @param kafkaTimeout how long one Kafka call made for a user may take (default 10 s)
 * @param home the platform's folder (default {@code BAZAAR_HOME}, else {@code ..}): its role table
 *             {@code setup/console-roles.yaml}, its ACLs {@code setup/access.yaml}, its dashboards
 *             {@code grafana/dashboards/}
 */
@ConfigurationProperties("console")
public record ConsoleConfig(
        @NotBlank @Bindable(defaultValue = "var") String varDir,
        @NotNull @Bindable(defaultValue = "30m") Duration sessionIdle,
        @NotNull @Bindable(defaultValue = "12h") Duration sessionLifetime,
        @Min(1) @Max(500) @Bindable(defaultValue = "50") int pageSize,
        @Min(1) @Max(1_000_000) @Bindable(defaultValue = "10000") int scanLimit,
        @NotNull @Bindable(defaultValue = "10s") Duration kafkaTimeout,
        @NotBlank @Bindable(defaultValue = "..") String home) {

    public ConsoleConfig {
        requirePositive("console.session-idle", sessionIdle);
        requirePositive("console.session-lifetime", sessionLifetime);
        requirePositive("console.kafka-timeout", kafkaTimeout);
    }

    private static void requirePositive(String key, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
    }
}
