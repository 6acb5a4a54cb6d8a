package dev.bazaar.shop;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Settings of shop-api, validated at start ({@code shop.*}).
 *
 * @param varDir runtime folder of the embedded platform, where secrets and endpoints are (default {@code var})
 * @param maxBatch most records one request may carry (default 1000)
 * @param sendTimeout how long a request waits for the brokers to acknowledge its records (default 15 s);
 *                    past it the request fails with 503 and says which records were acknowledged
 */
@ConfigurationProperties("shop")
public record ShopConfig(
        @NotBlank @Bindable(defaultValue = "var") String varDir,
        @Min(1) @Max(100_000) @Bindable(defaultValue = "1000") int maxBatch,
        @NotNull @Bindable(defaultValue = "15s") Duration sendTimeout) {
}
