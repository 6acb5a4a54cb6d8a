package dev.bazaar.shop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import dev.bazaar.common.PlatformTls;
import dev.bazaar.common.ShopApiCredentials;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** shop-api whose Kafka cannot be reached: 503 with nothing claimed as acknowledged, and health says DOWN. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaUnavailableIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Running platform;

    @Inject
    EmbeddedServer server;

    private HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        http = PlatformTls.httpClient(platform.layout());
        return Map.of("shop.var-dir", platform.layout().root().toString(), "micronaut.server.ssl.port", "-1",
                "shop.send-timeout", "3s", "shop.kafka.bootstrap.servers", "127.0.0.1:1");
    }

    @Test
    void publishIs503AndNamesTheRecordsNotAcknowledged() throws Exception {
        // given a valid item, and no broker at the configured address
        String item;
        try (InputStream in = getClass().getResourceAsStream("/bazaar/setup/schemas/examples/items.valid.json")) {
            item = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // when it is posted
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/items"))
                .header("Content-Type", "application/json")
                .header("Authorization", ShopApiCredentials.basic(platform.layout()))
                .POST(HttpRequest.BodyPublishers.ofString(item)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        // then 503 problem JSON: record 0 not acknowledged, none accepted
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).as("content type").hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").get(0).path("record").asInt()).as("record not acknowledged").isZero();
        assertThat(problem.path("accepted").size()).as("records claimed as acknowledged").isZero();
    }

    @Test
    void healthIsDown() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health"))
                .header("Authorization", ShopApiCredentials.basic(platform.layout())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("health; body %s", health.body()).isEqualTo(503);
        assertThat(JSON.readTree(health.body()).path("details").path("kafka").path("status").asText())
                .as("kafka health").isEqualTo("DOWN");
    }
}
