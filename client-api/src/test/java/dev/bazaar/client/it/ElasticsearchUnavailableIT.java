package dev.bazaar.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bazaar.client.cli.ClientCli;
import dev.bazaar.common.ClientApiCredentials;
import dev.bazaar.platform.it.EmbeddedPlatform.Running;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * client-api whose Elasticsearch cannot be reached (a port where nothing listens) while Kafka runs:
 * searches are 503 problem JSON and nothing is recorded for them, health says DOWN, the CLI exits 3.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchUnavailableIT implements TestPropertyProvider {

    private Running platform;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        platform = Running.shared();
        return Map.of("client.var-dir", platform.layout().root().toString(), "micronaut.server.ssl.port", "-1",
                "client.elasticsearch-url", "http://127.0.0.1:" + freePort(), "client.elasticsearch-timeout", "2s");
    }

    @Test
    void searchIs503ProblemJsonNamingElasticsearch() throws Exception {
        // when a shopper searches while Elasticsearch does not answer
        ClientApiHttp.Answer answer = new ClientApiHttp(server.getURL().toString(), platform.layout())
                .get("/search?q=mat", ClientApiCredentials.basic(platform.layout()));

        // then the answer is 503 problem JSON that says Elasticsearch did not answer
        assertThat(answer.status()).as("status; body %s", answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).as("content type").isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).as("type").endsWith("/catalog-unavailable");
        assertThat(problem.path("detail").asText()).as("detail").contains("Elasticsearch at http://127.0.0.1:");
    }

    @Test
    void healthIsDownNamingElasticsearch() throws Exception {
        ClientApiHttp.Answer health = new ClientApiHttp(server.getURL().toString(), platform.layout()).get("/health",
                ClientApiCredentials.basic(platform.layout()));
        assertThat(health.status()).as("health; body %s", health.body()).isEqualTo(503);
        assertThat(health.json().path("details").path("elasticsearch").path("status").asText()).as("elasticsearch")
                .isEqualTo("DOWN");
    }

    @Test
    void cliExits3WithTheReason() {
        StringWriter err = new StringWriter();
        int exit = ClientCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true))
                .execute("search", "--query", "mat", "--url", server.getURL().toString(), "--var",
                        platform.layout().root().toString());
        assertThat(exit).as("exit code").isEqualTo(3);
        assertThat(err.toString()).as("error").contains("cannot serve now", "Elasticsearch at");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
