package dev.bazaar.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformEndpointsTest {

    @TempDir
    Path var;

    @Test
    void serviceUrlsSurviveTheFileAndAbsentOnesAreEmpty() {
        // given a platform that recorded two services beside its clusters and registry
        RuntimeLayout layout = new RuntimeLayout(var);
        new PlatformEndpoints("127.0.0.1:9092", "127.0.0.1:9192", "https://127.0.0.1:9081",
                Map.of("shop-api", "http://127.0.0.1:9090", "stream-filter", "http://127.0.0.1:9091")).store(layout);

        // when a client reads them back
        PlatformEndpoints endpoints = PlatformEndpoints.load(layout);

        // then each service answers where it was recorded, and an unknown one has no URL
        assertThat(endpoints.serviceUrl("stream-filter")).as("stream-filter").hasValue("http://127.0.0.1:9091");
        assertThat(endpoints.serviceUrl("shop-api")).as("shop-api").hasValue("http://127.0.0.1:9090");
        assertThat(endpoints.serviceUrl("client-api")).as("not recorded").isEmpty();
        assertThat(endpoints.registryUrl()).as("registry").isEqualTo("https://127.0.0.1:9081");
    }
}
