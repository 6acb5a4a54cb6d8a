package dev.bazaar.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings of client-api ({@code client.*}), checked at start: a bad value stops the service with
 * an error naming its key.
 *
 * @param varDir runtime folder of the embedded platform, where secrets and endpoints are (default {@code var})
 * @param pageSize results per page of {@code GET /search} (default 10, at most 100)
 * @param recommendationsWait how long {@code GET /recommendations/{customer}} waits for a customer that
 *                            has none yet before it answers 404 (default 5 s; a request's {@code wait} may shorten it)
 * @param publishTimeout how long a search waits for Kafka to acknowledge its {@code client-search}
 *                       record; past it the search answers 503 (default 5 s)
 * @param elasticsearchUrl the Elasticsearch node (default: the one the platform recorded at {@code up})
 * @param elasticsearchTimeout connect and response timeout of each Elasticsearch request (default 5 s)
 * @param elasticsearchUser the Elasticsearch user to sign in as, its password the runtime folder's secret
 *                          {@code elasticsearch-<user>} (default none: the embedded node has no security; the
 *                          official image of {@code compose/} has, and its containers set {@code elastic})
 * @param index the Elasticsearch index of the catalog, fed by the search sink (default {@code items})
 * @param fuzziness the fuzziness of the search, as Elasticsearch takes it: {@code AUTO}, 0, 1 or 2 (default AUTO)
 */
@ConfigurationProperties("client")
public record ClientConfig(
        @NotBlank @Bindable(defaultValue = "var") String varDir,
        @Min(1) @Max(100) @Bindable(defaultValue = "10") int pageSize,
        @NotNull @Bindable(defaultValue = "5s") Duration recommendationsWait,
        @NotNull @Bindable(defaultValue = "5s") Duration publishTimeout,
        @Nullable String elasticsearchUrl,
        @NotNull @Bindable(defaultValue = "5s") Duration elasticsearchTimeout,
        @Nullable String elasticsearchUser,
        @NotBlank @Bindable(defaultValue = "items") String index,
        @NotBlank @Bindable(defaultValue = "AUTO") String fuzziness) {

    /** Elasticsearch's {@code index.max_result_window}: no page may reach past it. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    public ClientConfig {
        requireNotNegative("client.recommendations-wait", recommendationsWait);
        requirePositive("client.publish-timeout", publishTimeout);
        requirePositive("client.elasticsearch-timeout", elasticsearchTimeout);
        if (elasticsearchUrl != null && !elasticsearchUrl.isBlank()) {
            requireHttpUrl(elasticsearchUrl);
        }
        if (elasticsearchUser != null && !elasticsearchUser.isBlank() && !elasticsearchUser.strip().matches("[a-z0-9_-]+")) {
            throw invalid("client.elasticsearch-user", elasticsearchUser, "expected a user name of [a-z0-9_-]");
        }
        if (fuzziness != null) {
            if (!fuzziness.strip().toUpperCase(Locale.ROOT).matches("AUTO|[012]")) {
                throw invalid("client.fuzziness", fuzziness, "expected AUTO, 0, 1 or 2");
            }
            fuzziness = fuzziness.strip().toUpperCase(Locale.ROOT);
        }
    }

    /** The configured Elasticsearch node, when one is set. */
    public Optional<String> elasticsearch() {
        return elasticsearchUrl == null || elasticsearchUrl.isBlank() ? Optional.empty()
                : Optional.of(elasticsearchUrl.strip());
    }

    /** The Elasticsearch user to sign in as, when one is set. */
    public Optional<String> elasticsearchLogin() {
        return elasticsearchUser == null || elasticsearchUser.isBlank() ? Optional.empty()
                : Optional.of(elasticsearchUser.strip());
    }

    /** The last page a search may ask for, so that its results stay within {@link #MAX_RESULT_WINDOW}. */
    public int maxPage() {
        return MAX_RESULT_WINDOW / pageSize;
    }

    private static void requireNotNegative(String key, Duration value) {
        if (value != null && value.isNegative()) {
            throw invalid(key, value, "must not be negative");
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw invalid(key, value, "must be positive");
        }
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("client.elasticsearch-url", url, "not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw invalid("client.elasticsearch-url", url, "expected http(s)://host:port");
        }
    }

    private static IllegalArgumentException invalid(String key, Object value, String why) {
        return new IllegalArgumentException("invalid setting " + key + "=" + value + ": " + why);
    }
}
