package dev.bazaar.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.common.RuntimeLayout;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector configs as data: read, checked and filled in before anything is sent to Connect. */
class ConnectorApplierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:9432/bazaar?sslmode=verify-full"
            + "&sslrootcert=/opt/bazaar/var/ssl/ca.pem";
    private static final RuntimeLayout LAYOUT = new RuntimeLayout(Path.of("/opt/bazaar/var"));

    private final ConnectorApplier applier = new ConnectorApplier(
            new ConnectRest("https://127.0.0.1:1", HttpClient.newHttpClient(), null), placeholders());

    private static Map<String, String> placeholders() {
        Map<String, String> placeholders = new HashMap<>(Map.of("elasticsearch.url", "http://127.0.0.1:9200",
                "hdfs.url", "hdfs://127.0.0.1:9020"));
        placeholders.putAll(ConnectorApplier.endpointPlaceholders("postgres-jdbc", JDBC_URL));
        placeholders.putAll(ConnectorApplier.layoutPlaceholders(LAYOUT));
        return placeholders;
    }

    @Test
    void theShippedSinksLoadWithTheEndpointsFilledIn() {
        // when the repository's setup/connectors folder is read
        List<ConnectorApplier.ConnectorSpec> specs = applier.load(Path.of("connectors"));

        // then the sinks are there, pointing at the platform's Elasticsearch, HDFS and PostgreSQL, their dead
        // letters on dlq- topics
        assertThat(specs).extracting(ConnectorApplier.ConnectorSpec::name).containsExactlyInAnyOrder("search-sink",
                "hdfs-orders-sink", "product-events-sink", "promo-feedback-sink", "promo-subscribers-cdc");
        assertThat(spec(specs, "search-sink").config()).as("search-sink config")
                .containsEntry("elasticsearch.urls", "http://127.0.0.1:9200")
                .containsEntry("topics", "filtered-items")
                .containsEntry("errors.deadletterqueue.topic.name", "dlq-search-sink");
        assertThat(spec(specs, "hdfs-orders-sink").config()).as("hdfs-orders-sink config")
                .containsEntry("hdfs.url", "hdfs://127.0.0.1:9020")
                .containsEntry("topics", "orders")
                .containsEntry("errors.deadletterqueue.topic.name", "dlq-hdfs-orders");
        assertThat(spec(specs, "product-events-sink").config()).as("product-events-sink config")
                .containsEntry("connection.url", JDBC_URL)
                .containsEntry("topics", "product-events")
                .containsEntry("errors.deadletterqueue.topic.name", "dlq-product-events-sink");
        assertThat(spec(specs, "promo-feedback-sink").config()).as("promo-feedback-sink config")
                .containsEntry("connection.url", JDBC_URL)
                .containsEntry("topics", "promo-notifications")
                .containsEntry("table", "subscribers_feedback")
                .containsEntry("errors.deadletterqueue.topic.name", "dlq-promo-feedback-sink");
    }

    @Test
    void theCdcSourceGetsTheServerFromThePartsOfTheJdbcEndpoint() {
        // when the shipped CDC connector is read
        ConnectorApplier.ConnectorSpec cdc = spec(applier.load(Path.of("connectors")), "promo-subscribers-cdc");

        // then Debezium gets host, port, database and TLS settings from the endpoint, its password as a reference
        assertThat(cdc.config()).as("promo-subscribers-cdc config")
                .containsEntry("database.hostname", "127.0.0.1")
                .containsEntry("database.port", "9432")
                .containsEntry("database.dbname", "bazaar")
                .containsEntry("database.sslmode", "verify-full")
                .containsEntry("database.sslrootcert", "/opt/bazaar/var/ssl/ca.pem")
                .containsEntry("database.password", "${dir:" + LAYOUT.secretsDir() + ":postgres-cdc.password}")
                .containsEntry("publication.autocreate.mode", "disabled")
                .containsEntry("transforms.topic.replacement", "promo-subscribers");
        assertThat(ConnectorApplier.placeholdersOf(Path.of("connectors/promo-subscribers-cdc.json")))
                .extracting(ConnectorApplier::endpointOf).containsOnly("postgres-jdbc");
    }

    @Test
    void anEndpointOffersItsUrlAndItsParts() {
        assertThat(ConnectorApplier.endpointPlaceholders("pg", "jdbc:postgresql://h:5/db?sslmode=require&x=a%20b"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("pg.url", "jdbc:postgresql://h:5/db?sslmode=require&x=a%20b",
                        "pg.host", "h", "pg.port", "5", "pg.database", "db", "pg.sslmode", "require", "pg.x", "a b"));
        assertThat(ConnectorApplier.endpointPlaceholders("es", "http://127.0.0.1:9200"))
                .containsOnlyKeys("es.url", "es.host", "es.port");
    }

    @Test
    void aPasswordIsSentOnlyAsAReferenceTheWorkersConfigProviderResolves() throws Exception {
        // when the shipped PostgreSQL sink is read
        ConnectorApplier.ConnectorSpec sink = spec(applier.load(Path.of("connectors")), "product-events-sink");

        // then its password is the reference to the secret file in the platform's secrets folder, not the password
        assertThat(sink.config()).as("product-events-sink config").containsEntry("connection.password",
                "${dir:" + LAYOUT.secretsDir() + ":postgres-connect.password}");

        // and a file holding a password itself is refused, naming the key
        write("p.json", Map.of("name", "p", "config", Map.of("connector.class", "X", "connection.password", "hunter2")));
        assertThatThrownBy(() -> applier.load(folder)).hasMessageContaining("p.json")
                .hasMessageContaining("'connection.password' must be a config provider reference")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theSecretsFolderIsAPlaceholderOfTheLayoutNotADependencyOnAComponent() throws Exception {
        // given a connector naming an endpoint and the secrets folder
        write("d.json", Map.of("name", "d", "config", Map.of("connector.class", "X", "connection.url",
                "${postgres-jdbc.url}", "connection.password", "${dir:${secrets.dir}:postgres-connect.password}")));

        // then only the endpoint is a component it depends on
        assertThat(ConnectorApplier.placeholdersOf(folder.resolve("d.json"))).as("dependencies")
                .containsExactly("postgres-jdbc.url");
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
