package dev.bazaar.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code setup/connectors/product-events-sink.json} is a valid JDBC sink configuration whose mapping
 * fits the product_events table, is the one the tests here use, and names its password only by a
 * config provider reference.
 */
class ProductEventsSinkFileTest {

    private static final Path FILE = Path.of(System.getProperty("bazaar.home", "..")).toAbsolutePath().normalize()
            .resolve("setup/connectors/product-events-sink.json");

    @Test
    void theShippedConfigParsesAndItsMappingFitsTheTable() throws IOException {
        // given the file's config, its placeholders filled in as the launcher fills them
        Map<String, String> props = new LinkedHashMap<>();
        JsonNode config = new ObjectMapper().readTree(FILE.toFile()).path("config");
        config.properties().forEach(field -> props.put(field.getKey(), field.getValue().asText()
                .replace("${postgres-jdbc.url}", "jdbc:postgresql://127.0.0.1:5432/bazaar?sslmode=verify-full")
                .replace("${secrets.dir}", "/opt/bazaar/var/secrets")));

        // when
        JdbcSinkConfig parsed = new JdbcSinkConfig(props);

        // then
        assertThat(parsed.columns()).as("mapping").isEqualTo(InsertPlanTest.mappings(JdbcTestConfigs.PRODUCT_EVENTS_COLUMNS));
        assertThat(InsertPlan.of(parsed.table(), parsed.columns(), TestTables.productEvents()).columns())
                .as("bound columns").hasSize(9);
        assertThat(props.get(JdbcSinkConfig.CONNECTION_PASSWORD)).as("password")
                .isEqualTo("${dir:/opt/bazaar/var/secrets:postgres-connect.password}");
        assertThat(props).as("converters").containsEntry("key.converter",
                "org.apache.kafka.connect.converters.ByteArrayConverter").containsEntry("value.converter",
                "dev.bazaar.connectors.converter.RegistryJsonConverter");
    }
}
