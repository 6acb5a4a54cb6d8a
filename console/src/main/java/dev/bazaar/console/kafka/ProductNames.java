package dev.bazaar.console.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.PlatformEndpoints;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.RuntimeLayout;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A product's name, asked of the running stream-filter ({@code GET /products/{id}}) with the signed-in
 * user's own credentials — the operator's look-up, which needs no right to read {@code items}. A user
 * stream-filter does not let look up simply sees no names.
 */
@Singleton
public final class ProductNames {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RuntimeLayout layout;
    private final HttpClient http;

    public ProductNames(RuntimeLayout layout) {
        this.layout = layout;
        this.http = PlatformTls.httpClient(layout);
    }

    /** What stream-filter knows of the product: its name when it has seen it; empty when it cannot tell. */
    public Optional<String> name(UserClients user, String productId) {
        Optional<String> filter = PlatformEndpoints.load(layout).serviceUrl("stream-filter");
        if (filter.isEmpty() || !StopList.PRODUCT_ID.matcher(productId).matches()) {
            return Optional.empty(); // a key that is no product id (anyone with WRITE may have written one) has no name
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(filter.get() + "/products/"
                    + productId)).timeout(TIMEOUT).header("Authorization", user.basicAuthorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode product = JSON.readTree(answer.body());
            return product.hasNonNull("name") ? Optional.of(product.get("name").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
