package dev.bazaar.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector configs as data: read, checked and filled in before anything is sent to Connect. */
class ConnectorApplierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final ConnectorApplier applier = new ConnectorApplier(
            new ConnectRest("https://127.0.0.1:1", HttpClient.newHttpClient(), null),
            Map.of("elasticsearch.url", "http://127.0.0.1:9200", "hdfs.url", "hdfs://127.0.0.1:9020"));

    @Test
    void theShippedSinksLoadWithTheEndpointsFilledIn() {
        // when the repository's setup/connectors folder is read
        List<ConnectorApplier.ConnectorSpec> specs = applier.load(Path.of("connectors"));

        // then both sinks are there, pointing at the platform's Elasticsearch and HDFS, their dead letters on dlq- topics
        assertThat(specs).extracting(ConnectorApplier.ConnectorSpec::name)
                .containsExactlyInAnyOrder("search-sink", "hdfs-orders-sink");
        assertThat(spec(specs, "search-sink").config()).as("search-sink config")
                .containsEntry("elasticsearch.urls", "http://127.0.0.1:9200")
                .containsEntry("topics", "filtered-items")
                .containsEntry("errors.deadletterqueue.topic.name", "dlq-search-sink");
        assertThat(spec(specs, "hdfs-orders-sink").config()).as("hdfs-orders-sink config")
                .containsEntry("hdfs.url", "hdfs://127.0.0.1:9020")
                .containsEntry("topics", "orders")
                .containsEntry("errors.deadletterqueue.topic.name", "dlq-hdfs-orders");
    }

    private static ConnectorApplier.ConnectorSpec spec(List<ConnectorApplier.ConnectorSpec> specs, String name) {
        return specs.stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void unknownPlaceholderIsAnErrorNamingTheFileTheKeyAndTheKnownOnes() throws Exception {
        write("a.json", Map.of("name", "a", "config", Map.of("connector.class", "X", "url", "${nowhere.url}")));

        assertThatThrownBy(() -> applier.load(folder)).hasMessageContaining("a.json")
                .hasMessageContaining("'url' names ${nowhere.url}").hasMessageContaining("elasticsearch.url");
    }

    @Test
    void configWithoutAConnectorClassOrANameIsRefused() throws Exception {
        write("b.json", Map.of("name", "b", "config", Map.of("topics", "t")));
        assertThatThrownBy(() -> applier.load(folder)).hasMessageContaining("b.json").hasMessageContaining("connector.class");

        Files.delete(folder.resolve("b.json"));
        write("c.json", Map.of("name", "Not Valid", "config", Map.of("connector.class", "X")));
        assertThatThrownBy(() -> applier.load(folder)).hasMessageContaining("c.json").hasMessageContaining("'name'");
    }

    @Test
    void runningMeansTheConnectorAndEveryTaskRun() throws Exception {
        assertThat(ConnectorApplier.running(JSON.readTree("""
                {"connector":{"state":"RUNNING"},"tasks":[{"id":0,"state":"RUNNING"},{"id":1,"state":"RUNNING"}]}""")))
                .as("all running").isTrue();
        assertThat(ConnectorApplier.running(JSON.readTree("""
                {"connector":{"state":"RUNNING"},"tasks":[{"id":0,"state":"RUNNING"},{"id":1,"state":"FAILED"}]}""")))
                .as("a failed task").isFalse();
        assertThat(ConnectorApplier.running(JSON.readTree("""
                {"connector":{"state":"RUNNING"},"tasks":[]}"""))).as("no task yet").isFalse();
    }

    private void write(String file, Map<String, Object> content) throws Exception {
        Files.writeString(folder.resolve(file), JSON.writeValueAsString(content));
    }
}
